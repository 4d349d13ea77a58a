using Tracker.Core.Clicks;

namespace Tracker.Core.Offers;

/// <summary>
/// The editor's live preview of an offer URL: the click path's own joining and expansion
/// (<see cref="OfferUrlBuilder"/>, <see cref="Macros"/>) over <see cref="MacroValues.Sample"/>, plus the
/// placeholders that are no macro.
/// </summary>
public static class OfferUrlPreview
{
    /// <summary>The macro list the editor shows: <see cref="Macros.Catalogue"/> with <c>sub_id_1</c>…<c>sub_id_30</c> in one row.</summary>
    public static readonly IReadOnlyList<(string Name, string Meaning)> Macros =
    [
        .. Clicks.Macros.Catalogue
            .Where(m => !IsSubIdSeries(m.Name) || m.Name == ClickParameters.SubIdName(1))
            .Select(m => IsSubIdSeries(m.Name)
                ? (m.Name, $"…{{{ClickParameters.SubIdName(ClickParameters.SubIdCount)}}}: the campaign link's sub_id_N parameters")
                : (m.Name, m.Meaning)),
    ];

    public static bool IsKnown(string name) => Clicks.Macros.IsKnown(name);

    /// <summary>
    /// Appends a network's offer parameters to an offer URL: query style (<c>&amp;sub1={subid}</c>) joins the
    /// query string, path style (<c>/{subid}</c>) extends the path; either way before any <c>#fragment</c>.
    /// </summary>
    public static string AppendParameters(string? url, string? offerParameters) =>
        OfferUrlBuilder.AppendNetworkParameters(url ?? "", offerParameters);

    /// <summary>The URL a visitor would be sent to, with <paramref name="sample"/> for the macros.</summary>
    public static OfferUrlPreviewResult Build(string? url, string? offerParameters, MacroValues sample)
    {
        var template = AppendParameters(url, offerParameters);
        var unknown = Clicks.Macros.FindUnknown(template).Select(text => new UnknownMacro(text, Suggest(text))).ToList();
        return new OfferUrlPreviewResult(template, OfferUrlBuilder.Expand(template, sample).Url, unknown);
    }

    /// <summary>The sample click every preview uses, with the offer's own id, name and network where it has them.</summary>
    public static MacroValues SampleValues(int? offerId, string? offerName, int? networkId, DateOnly today) =>
        MacroValues.Sample(today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), offerId, offerName, networkId);

    private static bool IsSubIdSeries(string name) => name.StartsWith("sub_id_", StringComparison.Ordinal);

    /// <summary>The macro <paramref name="text"/> (<c>{click-id}</c>, <c>{_KeyWord}</c>…) most likely meant, or null.</summary>
    private static string? Suggest(string text)
    {
        var inner = text[1..^1];
        var raw = inner.StartsWith('_');
        var normalized = (raw ? inner[1..] : inner).ToLowerInvariant().Replace('-', '_');
        if (normalized is "clickid" or "click_id" or "sub_id" or "cid") normalized = "subid";
        var squeezed = normalized.Replace("_", "", StringComparison.Ordinal);
        var match = Clicks.Macros.KnownNames.FirstOrDefault(k => k == normalized || k.Replace("_", "", StringComparison.Ordinal) == squeezed);
        return match is null ? null : "{" + (raw ? "_" : "") + match + "}";
    }
}
