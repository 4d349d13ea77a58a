using System.Text.Json;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Offers;

public sealed class OfferUrlPreviewTests
{
    private static readonly MacroValues Samples = OfferUrlPreview.SampleValues(12, "Casino DE", 5, new DateOnly(2026, 11, 24));

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

        // As on a click: the raw value is inserted, then made safe to send (a space cannot travel in a URL).
        Assert.Equal("https://net.example/casino%20bonus", preview.Sample);
    }

    [Fact]
    public void AllThirtySubIdMacrosAreKnown()
    {
        var preview = OfferUrlPreview.Build("https://net.example/?a={sub_id_1}&b={sub_id_30}&c={sub_id_31}", null, Samples);

        Assert.Equal("https://net.example/?a=sub1&b=sub30&c=", preview.Sample);
        Assert.Equal(["{sub_id_31}"], preview.UnknownMacros.Select(m => m.Text));
    }

    [Fact]
    public void UnknownMacrosAreFlaggedOnceWithALikelyMeaningAndBecomeEmptyAsOnAClick()
    {
        var preview = OfferUrlPreview.Build("https://net.example/?a={SubID}&b={click_id}&c={banana}&d={banana}&e={_Key-word}&f={_KEYWORD}", null, Samples);

        Assert.Equal(
            [new UnknownMacro("{click_id}", "{subid}"), new UnknownMacro("{banana}", null), new UnknownMacro("{_Key-word}", "{_keyword}")],
            preview.UnknownMacros);
        // Names ignore case on a click, so the preview expands {SubID} too; unknown names become empty.
        Assert.Equal("https://net.example/?a=7k2m9q4x1c8v3n6b5z0p2r4t7w&b=&c=&d=&e=%7B_Key-word%7D&f=casino%20bonus", preview.Sample);
    }

    [Fact]
    public void EveryMacroOfTheContractIsKnown()
    {
        string[] contract = ["subid", "campaign_id", "campaign_name", "stream_id", "offer_id", "offer_name", "affiliate_network_id", "country", "ip",
            "user_agent", "referrer", "language", "source", "keyword", "external_id", "creative_id", "ad_campaign_id", "cost", "currency", "random", "date"];
        Assert.All(contract, m => Assert.True(OfferUrlPreview.IsKnown(m), m));
        Assert.All(Enumerable.Range(1, 30), i => Assert.True(OfferUrlPreview.IsKnown($"sub_id_{i}")));
        Assert.False(OfferUrlPreview.IsKnown("sub_id_0"));
    }

    [Fact]
    public void EveryRealNetworkTemplateAppendsToAValidOfferUrl()
    {
        var templates = LoadNetworkTemplates();
        Assert.True(templates.Count > 300, $"expected the shared catalogue of real templates, found {templates.Count}");
        foreach (var (name, parameters) in templates)
        {
            var url = parameters.StartsWith('/') ? "https://net.example/c/77" : "https://net.example/click?o=77";
            var preview = OfferUrlPreview.Build(url, parameters, Samples);

            Assert.True(UrlRules.CheckOfferUrl(preview.Template) is null, $"{name}: {preview.Template}");
            if (parameters.Contains("{subid}", StringComparison.Ordinal))
                Assert.Contains("7k2m9q4x1c8v3n6b5z0p2r4t7w", preview.Sample);
        }
    }

    [Fact]
    public void PlaceholdersThatRealTemplatesLeaveForTheUserAreFlagged()
    {
        var templates = LoadNetworkTemplates();
        // Some networks' templates carry their own placeholders the user must replace by hand.
        var withPlaceholders = templates.Where(t => t.Parameters.Contains("{YOUR_ID}", StringComparison.Ordinal) || t.Parameters.Contains("{replace_ID}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(withPlaceholders);
        foreach (var (name, parameters) in withPlaceholders)
            Assert.True(OfferUrlPreview.Build("https://net.example/click?o=77", parameters, Samples).UnknownMacros.Count > 0, name);
    }

    /// <summary>Real networks' offer parameters from the catalogue shipped with the tests.</summary>
    private static List<(string Name, string Parameters)> LoadNetworkTemplates()
    {
        var path = Tracker.Tests.Infrastructure.TestData.NetworkTemplatesPath;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray()
            .Select(t => (t.GetProperty("display_name").GetString()!, t.GetProperty("offer_params_template").GetString()!))
            .ToList();
    }
}
