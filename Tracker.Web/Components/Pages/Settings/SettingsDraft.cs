using System.Globalization;
using Tracker.Core.Amounts;
using Tracker.Core.Settings;
using Tracker.Web.Components.Shared;

namespace Tracker.Web.Components.Pages.Settings;

/// <summary>What the settings page edits: the base currency, the time zone and the exchange rates, at a version.</summary>
public sealed class SettingsDraft
{
    public string? BaseCurrency { get; set; }

    public string? TimeZone { get; set; }

    public List<RateRow> Rates { get; set; } = [];

    public int Version { get; set; }

    public static SettingsDraft From(TrackerSettings s) => new()
    {
        BaseCurrency = s.BaseCurrency,
        TimeZone = s.TimeZone,
        Rates = s.ExchangeRates.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new RateRow { Currency = kv.Key, Rate = kv.Value }).ToList(),
        Version = s.Version,
    };

    public SettingsDraft Copy() => new() { BaseCurrency = BaseCurrency, TimeZone = TimeZone, Rates = [.. Rates.Select(r => r.Copy())], Version = Version };

    /// <summary>The parts of the settings the page edits, with the words the conflict banner uses for them.</summary>
    private static readonly (string Label, Func<SettingsDraft, string> Read, Action<SettingsDraft, SettingsDraft> CopyTo)[] Parts =
    [
        ("base currency", d => CurrencyCode.Normalize(d.BaseCurrency), (f, t) => t.BaseCurrency = f.BaseCurrency),
        ("time zone", d => d.TimeZone?.Trim() ?? "", (f, t) => t.TimeZone = f.TimeZone),
        // The rates are one list: merging row by row could keep a rate one side deleted on purpose.
        ("exchange rates", RatesKey, (f, t) => t.Rates = [.. f.Rates.Select(r => r.Copy())]),
    ];

    private static string RatesKey(SettingsDraft d) => string.Join(';', d.Rates
        .Where(r => !string.IsNullOrWhiteSpace(r.Currency) || r.Rate is not null)
        .Select(r => CurrencyCode.Normalize(r.Currency) + "=" + r.Rate?.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<string> Differences(SettingsDraft a, SettingsDraft b) =>
        [.. Parts.Where(p => p.Read(a) != p.Read(b)).Select(p => p.Label)];

    public static readonly EditRules<SettingsDraft> Rules = new(
        d => d.Copy(),
        Differences,
        (mine, original, theirs) =>
        {
            var merged = theirs.Copy();
            var edited = Differences(original, mine);
            foreach (var p in Parts.Where(p => edited.Contains(p.Label))) p.CopyTo(mine, merged);
            return merged;
        },
        d => d.Version);
}
