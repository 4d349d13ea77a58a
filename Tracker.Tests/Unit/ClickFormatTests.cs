using Tracker.Web.Components.Pages.Clicks;
using Tracker.Web.Components.Pages.Reports;

namespace Tracker.Tests.Unit;

/// <summary>One money format across the admin: clicks show amounts exactly as reports do.</summary>
public sealed class ClickFormatTests
{
    [Theory]
    [InlineData(7_000_000, "7.00 USD")]
    [InlineData(13_284_000, "13.284 USD")]
    [InlineData(500, "0.0005 USD")]
    [InlineData(52_920_000, "52.92 USD")]
    public void ClickAmountsUseTheReportsMoneyFormat(long micros, string expected)
    {
        Assert.Equal(expected, ClickFormat.Money(micros, "USD"));
        Assert.Equal(expected, ReportFormat.MoneyMicros(micros, "USD"));
    }

    [Fact]
    public void NoAmountIsADash() => Assert.Equal("—", ClickFormat.Money(0, "USD"));
}
