using Tracker.Core.Amounts;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Amounts;

public sealed class PayoutRuleTests
{
    private static readonly ExchangeRates Rates = new("USD", new Dictionary<string, decimal>
    {
        ["EUR"] = 1.08m,
        ["RUB"] = 0.011m,
        ["GEL"] = 0.5m,
    });

    private static Offer Fixed(decimal amount, string currency = "USD") => new()
    {
        Id = 1, PayoutType = PayoutType.Cpa, PayoutAuto = false,
        PayoutMicros = Money.ToMicros(amount), PayoutCurrency = currency,
    };

    private static Offer Auto(string currency = "USD") => new() { Id = 1, PayoutType = PayoutType.Cpa, PayoutAuto = true, PayoutCurrency = currency };

    private static Offer Cpc() => new() { Id = 1, PayoutType = PayoutType.Cpc, PayoutMicros = 50_000, PayoutCurrency = "USD" };

    public static TheoryData<string, long, string> Cases => new()
    {
        // case name → expected revenue in USD micro-units, expected stated amount
        { "fixed offer ignores the postback's payout", 12_500_000, "12.5 USD" },
        { "fixed offer in EUR is converted", 10_800_000, "10 EUR" },
        { "auto takes the postback's payout", 500_000, "0.5 USD" },
        { "auto with currency converts", 10_800_000, "10 EUR" },
        { "auto without currency uses the offer's payout currency", 10_800_000, "10 EUR" },
        { "auto currency in lower case", 1_100_000, "100 RUB" },
        { "auto without payout earns nothing", 0, "0 USD" },
        { "auto without payout needs no rate", 0, "0 GBP" },
        { "cpc conversion adds no revenue", 0, "3 USD" },
        { "no offer takes the postback's payout in the base currency", 7_000_000, "7 USD" },
        { "rounding half away from zero", 3, "0.000005 GEL" },
        { "rounding to the nearest micro", 133_334, "0.123457 EUR" },
        { "a billion euros", 1_080_000_000_000_000, "1000000000 EUR" },
    };

    private static PayoutResult Run(string name) => name switch
    {
        "fixed offer ignores the postback's payout" => PayoutRule.Revenue(Fixed(12.5m), 99m, "USD", Rates),
        "fixed offer in EUR is converted" => PayoutRule.Revenue(Fixed(10m, "EUR"), 1m, null, Rates),
        "auto takes the postback's payout" => PayoutRule.Revenue(Auto(), 0.5m, null, Rates),
        "auto with currency converts" => PayoutRule.Revenue(Auto(), 10m, "EUR", Rates),
        "auto without currency uses the offer's payout currency" => PayoutRule.Revenue(Auto("EUR"), 10m, null, Rates),
        "auto currency in lower case" => PayoutRule.Revenue(Auto("rub"), 100m, null, Rates),
        "auto without payout earns nothing" => PayoutRule.Revenue(Auto(), null, null, Rates),
        "auto without payout needs no rate" => PayoutRule.Revenue(Auto("GBP"), null, null, Rates),
        "cpc conversion adds no revenue" => PayoutRule.Revenue(Cpc(), 3m, null, Rates),
        "no offer takes the postback's payout in the base currency" => PayoutRule.Revenue(null, 7m, null, Rates),
        "rounding half away from zero" => PayoutRule.Revenue(Auto(), 0.000005m, "GEL", Rates),
        "rounding to the nearest micro" => PayoutRule.Revenue(Auto(), 0.123457m, "EUR", Rates),
        "a billion euros" => PayoutRule.Revenue(Auto(), 1_000_000_000m, "EUR", Rates),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PayoutRulesGiveTheRightMoney(string name, long expectedMicros, string expectedStated)
    {
        var result = Run(name);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expectedMicros, result.Revenue.Micros);
        Assert.Equal("USD", result.Revenue.Currency);
        Assert.Equal(expectedStated, result.Stated.ToString());
    }

    [Fact]
    public void AutoPayoutInACurrencyWithoutRateWaitsForTheRateNeitherZeroNorRefused()
    {
        var result = PayoutRule.Revenue(Auto(), 10m, "GBP", Rates);
        Assert.True(result.Succeeded);
        Assert.True(result.AwaitingRate);
        Assert.Equal("10 GBP", result.Stated.ToString());
        Assert.Equal(0, result.Revenue.Micros);
        Assert.Contains("GBP→USD", result.Note);
    }

    [Fact]
    public void FixedPayoutInACurrencyWithoutRateWaitsForTheRate()
    {
        var result = PayoutRule.Revenue(Fixed(5m, "PLN"), null, null, Rates);
        Assert.True(result.AwaitingRate);
        Assert.Equal("5 PLN", result.Stated.ToString());
        Assert.Contains("PLN→USD", result.Note);
    }

    [Fact]
    public void TheNoteSaysWhichRuleApplied()
    {
        Assert.Contains("Fixed payout", PayoutRule.Revenue(Fixed(1m), 5m, null, Rates).Note);
        Assert.Contains("Auto payout", PayoutRule.Revenue(Auto(), 5m, null, Rates).Note);
        Assert.Contains("CPC", PayoutRule.Revenue(Cpc(), 5m, null, Rates).Note);
        Assert.Contains("1.08 USD", PayoutRule.Revenue(Auto(), 1m, "EUR", Rates).Note);
    }
}
