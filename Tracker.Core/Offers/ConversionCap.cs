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

    /// <summary>A cap limits only when it is on and its limit is positive.</summary>
    public bool IsActive => Enabled && DailyLimit > 0;

    /// <summary>
    /// The cap's zone; an id this machine does not know counts in UTC (the offer editor validates the
    /// id, so this only happens with a hand-edited database).
    /// </summary>
    public TimeZoneInfo Zone => ZonedDay.TryFindZone(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>"Today" in the cap's zone at the UTC instant <paramref name="utcNow"/>.</summary>
    public ZonedDay Today(DateTime utcNow) => ZonedDay.Containing(utcNow, Zone);

    /// <summary>
    /// True when today's conversions (leads and sales; not rejected, not rebills) have reached the limit.
    /// </summary>
    public bool IsReached(int todayCount) => IsActive && todayCount >= DailyLimit;
}
