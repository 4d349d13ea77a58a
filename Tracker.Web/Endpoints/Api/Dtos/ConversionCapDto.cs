using System.ComponentModel;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>"Limits the number of conversions which could be received on the offer daily."</summary>
public sealed record ConversionCapDto
{
    public bool Enabled { get; init; }

    [Description("Conversions per day; at least 1 when enabled.")]
    public int DailyLimit { get; init; }

    [Description("IANA time zone whose midnight resets the count, e.g. Europe/Berlin.")]
    public string TimeZone { get; init; } = "UTC";

    [Description("Offer that receives the clicks once the cap is reached (not the offer itself), or null.")]
    public int? AlternativeOfferId { get; init; }
}
