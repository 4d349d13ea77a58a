using System.Text.RegularExpressions;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Core.Offers.LocalOffers;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Core.Clicks;

/// <summary>One catalogue, one tokenizer: a macro means the same on a click, in the editor's preview and on a local offer page.</summary>
public sealed partial class MacroCatalogueTests
{
    /// <summary>A click whose every value needs encoding: separators, quotes, markup, non-ASCII.</summary>
    private static readonly MacroValues Awkward = new()
    {
        SubId = "s&sub2=x",
        CampaignId = 7,
        CampaignName = "Summer \"sale\" & <co>",
        StreamId = 3,
        OfferId = 12,
        OfferName = "Casino 'DE' #1",
        AffiliateNetworkId = 5,
        Country = "DE",
        Ip = "2001:db8::1",
        UserAgent = "Mozilla/5.0 (X11; Linux)",
        Referrer = "https://news.example/a?b=c&d=e",
        Language = "de-DE,de;q=0.9",
        ClickedAtUtc = new DateTime(2026, 11, 5, 23, 59, 0, DateTimeKind.Utc),
        Random = 31337,
        Parameters = ClickParameters.Known.ToDictionary(name => name, name => $"{name} & Мир=?"),
    };

    public static TheoryData<string> CatalogueNames() => [.. Macros.KnownNames];

    [Theory]
    [MemberData(nameof(CatalogueNames))]
    public void AMacroExpandsAlikeInAClickUrlThePreviewAndALocalPage(string name)
    {
        var template = $"https://n.example/go?v={{{name}}}&upper={{{name.ToUpperInvariant()}}}";

        var click = OfferUrlBuilder.Expand(template, Awkward);
        var preview = OfferUrlPreview.Build(template, null, Awkward);
        var page = EntryPageHtml.ReplaceMacros($"<a href=\"{template}\">{{{name}}}</a>", Awkward);

        Assert.True(click.IsValid, click.Problem);
        var value = click.Url["https://n.example/go?v=".Length..click.Url.IndexOf("&upper=", StringComparison.Ordinal)];
        Assert.NotEqual("", value);
        Assert.Equal($"https://n.example/go?v={value}&upper={value}", click.Url);
        Assert.Equal(click.Url, preview.Sample);
        Assert.Empty(preview.UnknownMacros);
        // In the link the page carries the click's URL (percent-encoding leaves nothing to HTML-escape);
        // as text it shows the value itself, HTML-escaped.
        Assert.Equal($"<a href=\"{click.Url}\">{EscapeHtml(Uri.UnescapeDataString(value))}</a>", page);
    }

    [Theory]
    [MemberData(nameof(CatalogueNames))]
    public void RawMacrosInsertTheSameValueInAClickUrlAndThePreview(string name)
    {
        var template = $"https://n.example/go/{{_{name}}}";

        Assert.Equal(OfferUrlBuilder.Expand(template, Awkward).Url, OfferUrlPreview.Build(template, null, Awkward).Sample);
    }

    [Fact]
    public void EveryMacroHasAMeaningAndASampleValue()
    {
        Assert.Equal(Macros.KnownNames.Count, Macros.KnownNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Macros.Catalogue, m =>
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", m.Name);
            Assert.False(string.IsNullOrWhiteSpace(m.Meaning), m.Name);
            Assert.NotEqual("", m.Sample);
        });
        // Keitaro's names, which network templates are written with.
        Assert.Contains("subid", Macros.KnownNames);
        Assert.Contains("sub_id_1", Macros.KnownNames);
        Assert.Contains("sub_id_30", Macros.KnownNames);
        Assert.Equal("7k2m9q4x1c8v3n6b5z0p2r4t7w", Macros.Catalogue.Single(m => m.Name == "subid").Sample);
        Assert.Equal("2026-11-24", Macros.Catalogue.Single(m => m.Name == "date").Sample);
    }

    [Fact]
    public void EveryDocumentedClickParameterIsAMacro()
    {
        Assert.All(ClickParameters.Known, p => Assert.True(Macros.IsKnown(p), p));
    }

    [Fact]
    public void TheMacroTableOfClickPathDocsIsTheCatalogue()
    {
        var docs = File.ReadAllText(TestData.RepositoryFile("docs/click-path.md"));
        var documented = new List<(string Name, string Meaning)>();
        foreach (Match row in MacroRow().Matches(docs))
        {
            var (first, last, meaning) = (row.Groups["name"].Value, row.Groups["last"].Value, row.Groups["meaning"].Value.Trim());
            if (last.Length == 0)
            {
                documented.Add((first, meaning));
                continue;
            }
            // {sub_id_1}…{sub_id_30}: one row for the series.
            var prefix = first.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            var (from, to) = (int.Parse(first[prefix.Length..]), int.Parse(last[prefix.Length..]));
            documented.AddRange(Enumerable.Range(from, to - from + 1).Select(i => ($"{prefix}{i}", "")));
        }

        Assert.Equal(Macros.KnownNames, documented.Select(d => d.Name));
        foreach (var (name, meaning) in documented.Where(d => d.Meaning.Length > 0))
            Assert.Equal(Macros.Catalogue.Single(m => m.Name == name).Meaning, meaning);
    }

    /// <summary>A row of the macro table: <c>| `{name}` | meaning |</c> or <c>| `{a_1}`…`{a_30}` | meaning |</c>.</summary>
    [GeneratedRegex(@"^\| `\{(?<name>[a-z0-9_]+)\}`(?:…`\{(?<last>[a-z0-9_]+)\}`)? \| (?<meaning>[^|]+) \|\s*$", RegexOptions.Multiline)]
    private static partial Regex MacroRow();

    private static string EscapeHtml(string s) => s
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal)
        .Replace("Мир", "&#x41C;&#x438;&#x440;", StringComparison.Ordinal);
}
