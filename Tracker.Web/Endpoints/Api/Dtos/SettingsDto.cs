using System.ComponentModel;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>Tracker-wide settings. The postback key is rotated from the admin UI, never through the API.</summary>
public sealed record SettingsDto
{
    [Description("ISO 4217 code all revenue is reported in, e.g. USD.")]
    public string BaseCurrency { get; init; } = "USD";

    [Description("IANA time zone for reports and date filters, e.g. Europe/Berlin.")]
    public string TimeZone { get; init; } = "UTC";

    [ReadOnlyField, Description("First path segment of the postback URL. Read-only here: a value sent in a PUT is ignored; rotate it in the admin UI.")]
    public string PostbackKey { get; init; } = "";

    [ReadOnlyField, Description("The tracker's postback URL to paste into affiliate networks.")]
    public string PostbackUrl { get; init; } = "";

    [Description("How much one unit of each currency is worth in the base currency, e.g. {\"EUR\": 1.08}. Used to convert payouts.")]
    public Dictionary<string, decimal> ExchangeRates { get; init; } = [];

    [Description("Increases on every change. Required on PUT: the version you last read; an older one answers 409.")]
    public int Version { get; init; }
}
