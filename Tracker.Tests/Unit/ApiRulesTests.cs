using Tracker.Core.Amounts;
using Tracker.Core.Networks;

namespace Tracker.Tests.Unit;

public sealed class ApiRulesTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("0.0005", true)]
    [InlineData("0.000001", true)]
    [InlineData("12.5", true)]
    [InlineData("1000000000", true)]
    [InlineData("0.0000001", false)]
    [InlineData("-0.01", false)]
    [InlineData("1000000000.000001", false)]
    public void AmountIsAcceptedOnlyWhenMicroUnitsHoldItExactly(string amount, bool accepted)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(accepted, AmountRules.CheckExact(value) is null);
        if (accepted) Assert.Equal(value, Money.FromMicros(Money.ToMicros(value)));
    }

    [Theory]
    [InlineData("", "https://trk.example/k/postback")]
    [InlineData("subid={sub1}&payout={sum}", "https://trk.example/k/postback?subid={sub1}&payout={sum}")]
    [InlineData("?subid={sub1}", "https://trk.example/k/postback?subid={sub1}")]
    [InlineData("&subid={sub1}", "https://trk.example/k/postback?subid={sub1}")]
    public void NetworkPostbackUrlAppendsTheNetworksOwnTokens(string parameters, string expected) =>
        Assert.Equal(expected, NetworkPostbackUrl.Compose("https://trk.example/k/postback", parameters));
}
