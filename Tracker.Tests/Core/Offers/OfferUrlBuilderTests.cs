using System.Text.Json;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Offers;

public sealed class OfferUrlBuilderTests
{
    private static readonly MacroValues Click = new()
    {
        SubId = "k2m4p6r2t4v6x2z4b6d2f4h6j2",
        Parameters = new Dictionary<string, string> { ["source"] = "fb", ["sub_id_1"] = "a&b=c#d" },
        ClickedAtUtc = new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc),
    };

    [Theory]
    [InlineData("https://n.example/click", "&sub1={subid}", "https://n.example/click?sub1={subid}")]
    [InlineData("https://n.example/click?o=77", "&sub1={subid}", "https://n.example/click?o=77&sub1={subid}")]
    [InlineData("https://n.example/click?o=77&", "&sub1={subid}", "https://n.example/click?o=77&sub1={subid}")]
    [InlineData("https://n.example/click?", "&sub1={subid}", "https://n.example/click?sub1={subid}")]
    [InlineData("https://n.example/click?o=77", "?sub1={subid}", "https://n.example/click?o=77&sub1={subid}")]
    [InlineData("https://n.example/click?o=77", "sub1={subid}", "https://n.example/click?o=77&sub1={subid}")]
    [InlineData("https://n.example/click#top", "&sub1={subid}", "https://n.example/click?sub1={subid}#top")]
    [InlineData("https://n.example/click?o=77#top", "&sub1={subid}&s2={source}", "https://n.example/click?o=77&sub1={subid}&s2={source}#top")]
    [InlineData("https://n.example/click?o=77", "", "https://n.example/click?o=77")]
    [InlineData("  https://n.example/click  ", null, "https://n.example/click")]
    public void QueryStyleParametersJoinTheQueryWithTheRightSeparator(string url, string? parameters, string expected) =>
        Assert.Equal(expected, OfferUrlBuilder.AppendNetworkParameters(url, parameters));

    [Theory]
    [InlineData("https://n.example/go", "/{subid}", "https://n.example/go/{subid}")]
    [InlineData("https://n.example/go/", "/{subid}", "https://n.example/go/{subid}")]
    [InlineData("https://n.example", "/{subid}", "https://n.example/{subid}")]
    [InlineData("https://n.example/", "/{subid}", "https://n.example/{subid}")]
    [InlineData("https://n.example/go?o=1", "/{subid}", "https://n.example/go/{subid}?o=1")]
    [InlineData("https://n.example/go#x", "/{source}/{subid}", "https://n.example/go/{source}/{subid}#x")]
    [InlineData("https://n.example/go?o=1#x", "/{subid}?t=2", "https://n.example/go/{subid}?o=1&t=2#x")]
    public void PathStyleParametersExtendThePath(string url, string parameters, string expected) =>
        Assert.Equal(expected, OfferUrlBuilder.AppendNetworkParameters(url, parameters));

    [Fact]
    public void MacroValuesCannotAddParametersOrFragments()
    {
        var result = OfferUrlBuilder.Expand(OfferUrlBuilder.AppendNetworkParameters("https://n.example/c?o=1", "&sub1={subid}&s={sub_id_1}"), Click);

        Assert.True(result.IsValid);
        Assert.Equal("https://n.example/c?o=1&sub1=k2m4p6r2t4v6x2z4b6d2f4h6j2&s=a%26b%3Dc%23d", result.Url);
        var query = new Uri(result.Url).Query.TrimStart('?').Split('&');
        Assert.Equal(3, query.Length);
    }

    [Theory]
    [InlineData("{sub_id_1}")]
    [InlineData("{_sub_id_1}")]
    public void CrLfInAValueNeverReachesTheUrl(string macro)
    {
        var values = new MacroValues { Parameters = new Dictionary<string, string> { ["sub_id_1"] = "x\r\nSet-Cookie: evil=1" } };

        var result = OfferUrlBuilder.Expand($"https://n.example/c?s={macro}", values);

        Assert.True(result.IsValid);
        Assert.DoesNotContain('\r', result.Url);
        Assert.DoesNotContain('\n', result.Url);
        Assert.DoesNotContain(' ', result.Url);
        Assert.Contains("%0D%0A", result.Url);
    }

    [Theory]
    [InlineData("{sub_id_1}", "javascript:alert(1)")]
    [InlineData("{_sub_id_1}", "javascript:alert(1)")]
    [InlineData("{_sub_id_1}", "data:text/html,<script>alert(1)</script>")]
    [InlineData("{_sub_id_1}", "//evil.example/")]
    [InlineData("{_sub_id_1}", "")]
    public void AUrlMadeOfAValueMustStillBeAbsoluteHttp(string template, string value)
    {
        var values = new MacroValues { Parameters = new Dictionary<string, string> { ["sub_id_1"] = value } };

        var result = OfferUrlBuilder.Expand(template, values);

        Assert.False(result.IsValid);
        Assert.NotNull(result.Problem);
    }

    [Fact]
    public void SchemeOfTheOfferUrlCannotBeChangedByAValue()
    {
        var values = new MacroValues { Parameters = new Dictionary<string, string> { ["sub_id_1"] = "javascript:alert(1)//" } };

        var result = OfferUrlBuilder.Expand("https://n.example/c?to={sub_id_1}", values);

        Assert.Equal("https", new Uri(result.Url).Scheme);
        Assert.Equal("n.example", new Uri(result.Url).Host);
    }

    [Theory]
    [InlineData("ftp://n.example/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("n.example/no-scheme")]
    [InlineData("https://")]
    public void OfferUrlsThatAreNotAbsoluteHttpAreRefused(string url) =>
        Assert.False(OfferUrlBuilder.Expand(url, Click).IsValid);

    [Fact]
    public void HandTypedSpacesAndNonAsciiAreEncodedAndValidEscapesKept()
    {
        var result = OfferUrlBuilder.Expand("https://n.example/päth?q=a b&pct=50%&ok=%20", Click);

        Assert.Equal("https://n.example/p%C3%A4th?q=a%20b&pct=50%25&ok=%20", result.Url);
    }

    [Fact]
    public void PreviewShowsTheDestinationWithSampleValues()
    {
        var preview = OfferUrlPreview.Build("https://n.example/c?o=7", "&sub1={subid}&kw={keyword}", MacroValues.Sample(DateTime.UtcNow));

        Assert.Equal("https://n.example/c?o=7&sub1=7k2m9q4x1c8v3n6b5z0p2r4t7w&kw=casino%20bonus", preview.Sample);
    }

    [Fact]
    public void EveryRealNetworkTemplateYieldsAValidUrlCarryingTheSubId()
    {
        var templates = NetworkTemplates.Load();
        Assert.True(templates.Count > 300, "expected the full catalogue of network templates");
        foreach (var (name, parameters) in templates)
        {
            foreach (var offerUrl in (string[])["https://n.example/click?o=77", "https://n.example/click", "https://n.example/click?o=77#lp"])
            {
                var result = OfferUrlBuilder.Expand(OfferUrlBuilder.AppendNetworkParameters(offerUrl, parameters), Click);
                Assert.True(result.IsValid, $"{name}: {result.Problem} ({result.Url})");
                if (parameters.Contains("{subid}")) Assert.Contains(Click.SubId, result.Url);
                var uri = new Uri(result.Url);
                Assert.Equal("n.example", uri.Host);
                Assert.StartsWith("/click", uri.AbsolutePath);
                if (offerUrl.EndsWith("#lp")) Assert.Equal("#lp", uri.Fragment);
                if (offerUrl.Contains("o=77")) Assert.Contains("o=77", uri.Query);
                Assert.DoesNotContain("??", result.Url);
                Assert.DoesNotContain("&&", result.Url);
            }
        }
    }
}

/// <summary>The catalogue of real affiliate-network templates shipped with the tests.</summary>
internal static class NetworkTemplates
{
    public static List<(string Name, string OfferParameters)> Load()
    {
        var path = Tracker.Tests.Infrastructure.TestData.NetworkTemplatesPath;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("display_name").GetString() ?? "", e.GetProperty("offer_params_template").GetString() ?? ""))
            .ToList();
    }
}
