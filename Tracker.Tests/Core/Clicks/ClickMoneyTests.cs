using Tracker.Core.Amounts;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Clicks;

public sealed class ClickMoneyTests
{
    private static readonly ExchangeRates Rates = new("USD", new Dictionary<string, decimal> { ["EUR"] = 1.08m });

    [Fact]
    public void CpcOfferEarnsItsPayoutConvertedToTheBaseCurrency()
    {
        var offer = new Offer { PayoutType = PayoutType.Cpc, PayoutMicros = 500_000, PayoutCurrency = "EUR" };

        var revenue = ClickRevenue.For(offer, Rates, out var problem);

        Assert.Null(problem);
        Assert.Equal(new Money(540_000, "USD"), revenue);
    }

    [Fact]
    public void CpaAndAutoPayoutOffersEarnNothingOnTheClick()
    {
        Assert.Equal(0, ClickRevenue.For(new Offer { PayoutType = PayoutType.Cpa, PayoutMicros = 9_000_000 }, Rates, out _).Micros);
        Assert.Equal(0, ClickRevenue.For(new Offer { PayoutType = PayoutType.Cpc, PayoutAuto = true, PayoutMicros = 9_000_000 }, Rates, out _).Micros);
    }

    [Fact]
    public void CpcPayoutWithoutAnExchangeRateEarnsNothingAndSaysWhy()
    {
        var offer = new Offer { PayoutType = PayoutType.Cpc, PayoutMicros = 100_000, PayoutCurrency = "GBP" };

        Assert.Equal(0, ClickRevenue.For(offer, Rates, out var problem).Micros);
        Assert.Contains("No exchange rate from GBP", problem);
    }

    [Fact]
    public void CostIsParsedWithItsCurrencyOrTheBaseCurrency()
    {
        Assert.Equal(new Money(12_500, "EUR"), ClickParameters.ParseCost(new Dictionary<string, string> { ["cost"] = "0.0125", ["currency"] = "eur" }, "USD", out _));
        Assert.Equal(new Money(300_000, "USD"), ClickParameters.ParseCost(new Dictionary<string, string> { ["cost"] = "0.3" }, "USD", out _));
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("abc")]
    [InlineData("-1")]
    public void UnparsableCostIsRecordedAsZeroWithTheReason(string cost)
    {
        var money = ClickParameters.ParseCost(new Dictionary<string, string> { ["cost"] = cost }, "USD", out var problem);

        Assert.Equal(0, money.Micros);
        Assert.StartsWith("Cost ignored:", problem);
    }
}
