namespace Tracker.Core.Campaigns;

/// <summary>
/// The query parameters a traffic source can append to a campaign's tracking URL (API.md, Keitaro's
/// names). They are recorded on the click and available as macros of the same name.
/// </summary>
public static class TrafficSourceParameters
{
    public const int SubIdCount = 30;

    public static readonly IReadOnlyList<string> SubIds =
        [.. Enumerable.Range(1, SubIdCount).Select(i => $"sub_id_{i}")];

    /// <summary>Named parameters with what a traffic source usually puts in them.</summary>
    public static readonly IReadOnlyList<(string Name, string Meaning)> Named =
    [
        ("keyword", "the search keyword or targeting phrase"),
        ("source", "the site, app or placement that showed the ad"),
        ("external_id", "the traffic source's own click id, for sending conversions back to it"),
        ("creative_id", "the ad or banner that was clicked"),
        ("ad_campaign_id", "the campaign id in the traffic source's account"),
        ("cost", "what the click cost, e.g. 0.05 (invariant culture: a dot as decimal separator)"),
        ("currency", "ISO 4217 code of cost, e.g. USD; default: the tracker's base currency"),
    ];

    public static IEnumerable<string> All => SubIds.Concat(Named.Select(n => n.Name));

    public static bool IsKnown(string name) =>
        Named.Any(n => n.Name == name) ||
        (name.StartsWith("sub_id_", StringComparison.Ordinal) && int.TryParse(name.AsSpan(7), out var i) && i is >= 1 and <= SubIdCount && name == $"sub_id_{i}");
}
