namespace Tracker.Core.Offers;

/// <summary>
/// "Limits the number of conversions which could be received on the offer daily." When reached,
/// clicks go to <see cref="AlternativeOfferId"/>; with no alternative the cap is ignored (as Keitaro does).
/// </summary>
public sealed record ConversionCap
{
    public bool Enabled { get; set; }

    public int DailyLimit { get; set; }

    /// <summary>IANA zone whose midnight resets the count.</summary>
    public string TimeZone { get; set; } = "UTC";

    public int? AlternativeOfferId { get; set; }
}
