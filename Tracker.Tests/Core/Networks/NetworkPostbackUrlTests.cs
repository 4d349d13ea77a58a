using Tracker.Core.Networks;

namespace Tracker.Tests.Core.Networks;

public sealed class NetworkPostbackUrlTests
{
    private const string Base = "https://trk.example.com/k3y/postback";

    [Theory]
    [InlineData("", Base)]
    [InlineData(null, Base)]
    [InlineData("subid={sub1}&payout={sum}", Base + "?subid={sub1}&payout={sum}")]
    [InlineData("?subid={sub1}", Base + "?subid={sub1}")]
    [InlineData("&subid={sub1}", Base + "?subid={sub1}")]
    [InlineData("  subid=#s2#  ", Base + "?subid=#s2#")]
    public void NetworkParametersBecomeTheQueryOfTheTrackersPostbackUrl(string? parameters, string expected)
    {
        Assert.Equal(expected, NetworkPostbackUrl.Compose(Base, parameters));
    }

    [Fact]
    public void ParametersAreAppendedToAnExistingQuery()
    {
        Assert.Equal(Base + "?a=1&subid={sub1}", NetworkPostbackUrl.Compose(Base + "?a=1", "subid={sub1}"));
    }
}
