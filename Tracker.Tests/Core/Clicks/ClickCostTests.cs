using Tracker.Core.Amounts;
using Tracker.Core.Clicks;

namespace Tracker.Tests.Core.Clicks;

public sealed class ClickCostTests
{
    private static readonly ExchangeRates Rates = new("USD", new Dictionary<string, decimal> { ["EUR"] = 1.08m });

    [Fact]
    public void CostIsConvertedToTheBaseCurrencyAtTheClicksRate()
    {
        var trace = new DecisionTrace();
        Assert.Equal(540_000, ClickCost.InBase(Money.FromDecimal(0.5m, "EUR"), Rates, trace));
        Assert.Equal(20_000, ClickCost.InBase(Money.FromDecimal(0.02m, "usd"), Rates, trace));
        Assert.Equal(0, ClickCost.InBase(Money.Zero(""), Rates, trace));
        Assert.Empty(trace.Lines);
    }

    [Fact]
    public void CostWithoutARateCountsNothingAndTheTraceSaysWhy()
    {
        var trace = new DecisionTrace();
        Assert.Equal(0, ClickCost.InBase(Money.FromDecimal(3m, "GBP"), Rates, trace));
        var line = Assert.Single(trace.Lines);
        Assert.Contains("Cost not counted in reports", line);
        Assert.Contains("GBP", line);
    }
}
