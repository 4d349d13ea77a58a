using Tracker.Core.Offers;

namespace Tracker.Tests.Core;

public sealed class OfferUrlPreviewTests
{
    private static readonly Dictionary<string, string> Samples = OfferUrlPreview.SampleValues(12, "Casino DE", 5, new DateOnly(2026, 11, 24));

    [Theory]
    [InlineData("https://net.example/click?o=77", "&sub1={subid}", "https://net.example/click?o=77&sub1={subid}")]
    [InlineData("https://net.example/click", "&sub1={subid}", "https://net.example/click?sub1={subid}")]
    [InlineData("https://net.example/click?", "&sub1={subid}", "https://net.example/click?sub1={subid}")]
    [InlineData("https://net.example/click?o=77", "?sub1={subid}", "https://net.example/click?o=77&sub1={subid}")]
    [InlineData("https://net.example/click?o=77#top", "&sub1={subid}", "https://net.example/click?o=77&sub1={subid}#top")]
    [InlineData("https://net.example/c/abc", "/{subid}", "https://net.example/c/abc/{subid}")]
    [InlineData("https://net.example/c/abc/", "/{subid}", "https://net.example/c/abc/{subid}")]
    [InlineData("https://net.example/c/abc?o=1", "/{subid}", "https://net.example/c/abc/{subid}?o=1")]
    [InlineData("https://net.example/click?o=77", "", "https://net.example/click?o=77")]
    public void NetworkParametersAreAppendedWhereTheirStyleBelongs(string url, string parameters, string expected) =>
        Assert.Equal(expected, OfferUrlPreview.AppendParameters(url, parameters));

    [Fact]
    public void KnownMacrosBecomeUrlEncodedSampleValues()
    {
        var preview = OfferUrlPreview.Build("https://net.example/click?o=77&kw={keyword}&n={offer_name}&d={date}", "&sub1={subid}", Samples);

        Assert.Equal("https://net.example/click?o=77&kw=casino%20bonus&n=Casino%20DE&d=2026-11-24&sub1=7k2m9q4x1c8v3n6b5z0p2r4t7w", preview.Sample);
        Assert.Equal("https://net.example/click?o=77&kw={keyword}&n={offer_name}&d={date}&sub1={subid}", preview.Template);
        Assert.Empty(preview.UnknownMacros);
    }

    [Fact]
    public void UnderscoreMacrosInsertTheRawValue()
    {
        var preview = OfferUrlPreview.Build("https://net.example/{_keyword}", null, Samples);

        Assert.Equal("https://net.example/casino bonus", preview.Sample);
    }

    [Fact]
    public void AllThirtySubIdMacrosAreKnown()
    {
        var preview = OfferUrlPreview.Build("https://net.example/?a={sub_id_1}&b={sub_id_30}&c={sub_id_31}", null, Samples);

        Assert.StartsWith("https://net.example/?a=sub1&b=sub30&c={sub_id_31}", preview.Sample);
        Assert.Equal(["{sub_id_31}"], preview.UnknownMacros.Select(m => m.Text));
    }

    [Fact]
    public void UnknownMacrosAreFlaggedOnceWithALikelyMeaning()
    {
        var preview = OfferUrlPreview.Build("https://net.example/?a={SubID}&b={click_id}&c={banana}&d={banana}&e={_Keyword}", null, Samples);

        Assert.Equal(
            [new UnknownMacro("{SubID}", "{subid}"), new UnknownMacro("{click_id}", "{subid}"), new UnknownMacro("{banana}", null), new UnknownMacro("{_Keyword}", "{_keyword}")],
            preview.UnknownMacros);
        Assert.Contains("c={banana}", preview.Sample);
    }

    [Fact]
    public void EveryMacroOfTheContractIsKnown()
    {
        string[] contract = ["subid", "campaign_id", "campaign_name", "stream_id", "offer_id", "offer_name", "affiliate_network_id", "country", "ip",
            "user_agent", "referrer", "language", "source", "keyword", "external_id", "creative_id", "ad_campaign_id", "cost", "random", "date"];
        Assert.All(contract, m => Assert.True(OfferUrlPreview.IsKnown(m), m));
        Assert.All(Enumerable.Range(1, 30), i => Assert.True(OfferUrlPreview.IsKnown($"sub_id_{i}")));
        Assert.False(OfferUrlPreview.IsKnown("sub_id_0"));
    }
}
