using Tracker.Core.Geo;

namespace Tracker.Core.Campaigns;

/// <summary>
/// The filter types a stream can use, each with its own value check. A filter's type is a string on
/// <see cref="StreamFilter"/>, so adding a type (language, device, sub_id…) means adding an entry here
/// and its matching rule in stream selection; stored campaigns need no migration.
/// </summary>
public static class StreamFilterTypes
{
    public const string Country = "country";

    /// <summary>Is / is not a bot: include = bots only, exclude = no bots. Takes no values.</summary>
    public const string Bot = "bot";

    public const int MaxValues = 300;

    /// <summary>Type → (what it filters on, value check returning an error message or null).</summary>
    private static readonly IReadOnlyDictionary<string, FilterType> Types = new Dictionary<string, FilterType>(StringComparer.Ordinal)
    {
        [Country] = new("the visitor's country (ISO 3166 code from the IP address)",
            Normalize: CountryCode.Normalize,
            Check: v => CountryCode.IsValid(v) ? null : $"'{v}' is not an ISO 3166 country code (e.g. DE, US)."),
        [Bot] = new("whether the visitor is a bot (empty user agent, a listed bot user agent or a datacenter address); include = bots only, exclude = no bots",
            Normalize: v => (v ?? "").Trim(),
            Check: _ => "The bot filter takes no values: choose include (bots only) or exclude (no bots).",
            TakesValues: false),
    };

    public static IReadOnlyCollection<string> Known => [.. Types.Keys];

    public static bool IsKnown(string? type) => type is not null && Types.ContainsKey(type);

    /// <summary>False for filters decided by their mode alone (bot): they have no values.</summary>
    public static bool TakesValues(string type) => !Types.TryGetValue(type, out var t) || t.TakesValues;

    /// <summary>What the filter looks at, for help texts.</summary>
    public static string Describe(string type) => Types.TryGetValue(type, out var t) ? t.Description : type;

    /// <summary>Null when the value is valid for the type, else what to fix.</summary>
    public static string? CheckValue(string type, string value) =>
        Types.TryGetValue(type, out var t) ? t.Check(value) : null;

    public static string NormalizeValue(string type, string? value) =>
        Types.TryGetValue(type, out var t) ? t.Normalize(value) : (value ?? "").Trim();

    private sealed record FilterType(string Description, Func<string?, string> Normalize, Func<string, string?> Check, bool TakesValues = true);
}
