using System.Text.RegularExpressions;

namespace Tracker.Core.Offers;

/// <summary>What the editor shows under the URL: the URL a visitor would be sent to, and what looks wrong in it.</summary>
/// <param name="Template">The offer URL with the network's offer parameters appended, macros still in place.</param>
/// <param name="Sample">The template with sample values in place of the known macros.</param>
/// <param name="UnknownMacros">Placeholders in braces that are not macros, with a hint when one is a likely typo.</param>
public sealed record OfferUrlPreviewResult(string Template, string Sample, IReadOnlyList<UnknownMacro> UnknownMacros);

/// <summary>A <c>{placeholder}</c> that is not a macro; <see cref="DidYouMean"/> names a macro it resembles.</summary>
public sealed record UnknownMacro(string Text, string? DidYouMean);

/// <summary>
/// The editor's live preview of an offer URL: the affiliate network's offer parameters appended the way
/// the click path appends them, sample values in place of the macros (API.md), unknown macros flagged.
/// </summary>
public static partial class OfferUrlPreview
{
    /// <summary>Every macro an offer URL may carry, with what it inserts (API.md, "Macros").</summary>
    public static readonly IReadOnlyList<(string Name, string Meaning)> Macros =
    [
        ("subid", "the click's unique id; the network must send it back in its postback"),
        ("campaign_id", "id of the campaign that received the click"),
        ("campaign_name", "name of that campaign"),
        ("stream_id", "id of the stream that chose this offer"),
        ("offer_id", "this offer's id"),
        ("offer_name", "this offer's name"),
        ("affiliate_network_id", "id of the offer's affiliate network"),
        ("country", "the visitor's country as an ISO code (DE)"),
        ("ip", "the visitor's IP address"),
        ("user_agent", "the visitor's browser user agent"),
        ("referrer", "the page the visitor came from"),
        ("language", "the visitor's browser language"),
        ("source", "the campaign link's source parameter"),
        ("keyword", "the campaign link's keyword parameter"),
        ("external_id", "the campaign link's external_id parameter"),
        ("creative_id", "the campaign link's creative_id parameter"),
        ("ad_campaign_id", "the campaign link's ad_campaign_id parameter"),
        ("cost", "the campaign link's cost parameter"),
        ("sub_id_1", "…{sub_id_30}: the campaign link's sub_id_N parameters"),
        ("random", "a random number"),
        ("date", "today's date in UTC (yyyy-MM-dd)"),
    ];

    private static readonly HashSet<string> Known = BuildKnown();

    /// <summary>A brace pair with anything but separators inside: wide enough to catch typos like {SubID}.</summary>
    [GeneratedRegex(@"\{([^{}/?&=#\s]{1,64})\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public static bool IsKnown(string name) => Known.Contains(name);

    /// <summary>
    /// Appends a network's offer parameters to an offer URL: query style (<c>&amp;sub1={subid}</c>) joins the
    /// query string, path style (<c>/{subid}</c>) extends the path; either way before any <c>#fragment</c>.
    /// </summary>
    public static string AppendParameters(string? url, string? offerParameters)
    {
        var u = url?.Trim() ?? "";
        var p = offerParameters?.Trim() ?? "";
        if (p.Length == 0) return u;

        var hash = u.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? u[hash..] : "";
        var head = hash >= 0 ? u[..hash] : u;

        if (p[0] == '/')
        {
            var query = head.IndexOf('?', StringComparison.Ordinal);
            var path = query >= 0 ? head[..query] : head;
            var rest = query >= 0 ? head[query..] : "";
            return path.TrimEnd('/') + p + rest + fragment;
        }

        var pairs = p.TrimStart('&', '?');
        if (pairs.Length == 0) return u;
        string joined;
        if (!head.Contains('?', StringComparison.Ordinal)) joined = head + "?" + pairs;
        else if (head.EndsWith('?') || head.EndsWith('&')) joined = head + pairs;
        else joined = head + "&" + pairs;
        return joined + fragment;
    }

    /// <summary>The URL a visitor would be sent to, with <paramref name="sampleValues"/> for the macros.</summary>
    public static OfferUrlPreviewResult Build(string? url, string? offerParameters, IReadOnlyDictionary<string, string> sampleValues)
    {
        var template = AppendParameters(url, offerParameters);
        var unknown = new List<UnknownMacro>();
        var sample = Placeholder().Replace(template, m =>
        {
            var inner = m.Groups[1].Value;
            var raw = inner.StartsWith('_');
            var name = raw ? inner[1..] : inner;
            if (!Known.Contains(name))
            {
                if (unknown.All(x => x.Text != m.Value)) unknown.Add(new UnknownMacro(m.Value, Suggest(name, raw)));
                return m.Value;
            }
            var value = sampleValues.TryGetValue(name, out var v) ? v : "";
            return raw ? value : Uri.EscapeDataString(value);
        });
        return new OfferUrlPreviewResult(template, sample, unknown);
    }

    /// <summary>Sample values that look like a real click, so the preview reads like the real thing.</summary>
    public static Dictionary<string, string> SampleValues(int? offerId, string? offerName, int? networkId, DateOnly today)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["subid"] = "7k2m9q4x1c8v3n6b5z0p2r4t7w",
            ["campaign_id"] = "1",
            ["campaign_name"] = "Sample campaign",
            ["stream_id"] = "1",
            ["offer_id"] = offerId is > 0 ? offerId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1",
            ["offer_name"] = string.IsNullOrWhiteSpace(offerName) ? "Sample offer" : offerName.Trim(),
            ["affiliate_network_id"] = networkId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["country"] = "DE",
            ["ip"] = "203.0.113.7",
            ["user_agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
            ["referrer"] = "https://news.example/article",
            ["language"] = "de",
            ["source"] = "facebook",
            ["keyword"] = "casino bonus",
            ["external_id"] = "ext-42",
            ["creative_id"] = "cr-7",
            ["ad_campaign_id"] = "ad-99",
            ["cost"] = "0.05",
            ["random"] = "48213",
            ["date"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 1; i <= 30; i++) values[$"sub_id_{i}"] = $"sub{i}";
        return values;
    }

    private static string? Suggest(string name, bool raw)
    {
        var normalized = name.ToLowerInvariant().Replace('-', '_');
        if (normalized is "clickid" or "click_id" or "sub_id" or "cid") normalized = "subid";
        var match = Known.FirstOrDefault(k => k == normalized || k.Replace("_", "", StringComparison.Ordinal) == normalized.Replace("_", "", StringComparison.Ordinal));
        return match is null ? null : "{" + (raw ? "_" : "") + match + "}";
    }

    private static HashSet<string> BuildKnown()
    {
        var set = new HashSet<string>(Macros.Select(m => m.Name), StringComparer.Ordinal);
        for (var i = 1; i <= 30; i++) set.Add($"sub_id_{i}");
        return set;
    }
}
