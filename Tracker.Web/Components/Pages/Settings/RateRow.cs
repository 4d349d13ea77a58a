namespace Tracker.Web.Components.Pages.Settings;

/// <summary>One exchange-rate row as the settings page edits it (a row may be half filled in).</summary>
public sealed class RateRow
{
    public string? Currency { get; set; }

    public decimal? Rate { get; set; }

    /// <summary>Why the row cannot be saved (blank, duplicate, the base currency), shown under it.</summary>
    public string? Error { get; set; }

    /// <summary>Why the typed rate cannot be read; shown under the rate field itself.</summary>
    public string? InputError { get; set; }

    public RateRow Copy() => new() { Currency = Currency, Rate = Rate };
}
