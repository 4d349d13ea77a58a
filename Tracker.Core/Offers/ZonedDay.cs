namespace Tracker.Core.Offers;

/// <summary>
/// One calendar day in a time zone as a UTC interval [<see cref="StartUtc"/>, <see cref="EndUtc"/>).
/// A day is 23 or 25 hours long on DST change days, and in zones that change at midnight it starts
/// at the first instant that exists (01:00).
/// </summary>
public readonly record struct ZonedDay(DateOnly Date, DateTime StartUtc, DateTime EndUtc)
{
    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    public TimeSpan Length => EndUtc - StartUtc;

    /// <summary>The day in <paramref name="zone"/> that contains the UTC instant <paramref name="utc"/>.</summary>
    public static ZonedDay Containing(DateTime utc, TimeZoneInfo zone)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        return Of(DateOnly.FromDateTime(local), zone);
    }

    public static ZonedDay Of(DateOnly date, TimeZoneInfo zone) =>
        new(date, StartOfDayUtc(date, zone), StartOfDayUtc(date.AddDays(1), zone));

    /// <summary>The UTC instant at which <paramref name="date"/> begins in <paramref name="zone"/>.</summary>
    public static DateTime StartOfDayUtc(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(midnight))
        {
            // The clocks jump over midnight: the day begins at the jump, which happens when the old
            // offset's clock reaches midnight.
            offset = zone.GetUtcOffset(midnight.AddTicks(-1));
        }
        else if (zone.IsAmbiguousTime(midnight))
        {
            // Midnight happens twice: the day begins at the first one (the larger offset).
            offset = zone.GetAmbiguousTimeOffsets(midnight).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(midnight);
        }
        return DateTime.SpecifyKind(midnight - offset, DateTimeKind.Utc);
    }

    /// <summary>Finds an IANA (or Windows) zone id; false for an unknown id.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var found))
        {
            zone = found;
            return true;
        }
        zone = TimeZoneInfo.Utc;
        return false;
    }
}
