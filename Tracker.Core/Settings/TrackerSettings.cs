using Tracker.Core.Amounts;

namespace Tracker.Core.Settings;

/// <summary>Tracker-wide settings edited in the admin (one row).</summary>
public sealed class TrackerSettings
{
    public int Id { get; set; } = 1;

    /// <summary>ISO 4217; all revenue is reported in it.</summary>
    public string BaseCurrency { get; set; } = "USD";

    /// <summary>IANA zone for reports and date filters.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>First path segment of the postback URL; rotatable.</summary>
    public string PostbackKey { get; set; } = "";

    /// <summary>Key for the admin API's <c>Api-Key</c> header (unless configured in Tracker:ApiKey).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>One unit of the key currency is worth this much of <see cref="BaseCurrency"/>.</summary>
    public Dictionary<string, decimal> ExchangeRates { get; set; } = new(StringComparer.Ordinal);

    public int Version { get; set; } = 1;

    public ExchangeRates ToExchangeRates() => new(BaseCurrency, ExchangeRates);
}
