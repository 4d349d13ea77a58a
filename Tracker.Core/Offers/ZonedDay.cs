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

    /// <summary>
    /// The first and last dates whose day is a UTC interval in every zone: 0001-01-01 starts before
    /// <see cref="DateTime.MinValue"/> east of UTC, and 9999-12-31 has no next midnight.
    /// </summary>
    public static readonly DateOnly FirstSupportedDate = new(1, 1, 2);

    /// <inheritdoc cref="FirstSupportedDate"/>
    public static readonly DateOnly LastSupportedDate = new(9999, 12, 30);

    /// <summary>Words for an error message naming the supported range.</summary>
    public static string SupportedRange => $"{FirstSupportedDate:yyyy-MM-dd} to {LastSupportedDate:yyyy-MM-dd}";

    /// <exception cref="ArgumentOutOfRangeException">The date is outside the supported range; use <see cref="TryOf"/> for user input.</exception>
    public static ZonedDay Of(DateOnly date, TimeZoneInfo zone) =>
        TryOf(date, zone, out var day)
            ? day
            : throw new ArgumentOutOfRangeException(nameof(date), date, $"Days from {SupportedRange} only.");

    /// <summary>The day, or false for a date at the calendar's edge whose day cannot be expressed in UTC.</summary>
    public static bool TryOf(DateOnly date, TimeZoneInfo zone, out ZonedDay day)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (date < FirstSupportedDate || date > LastSupportedDate)
        {
            day = default;
            return false;
        }
        day = new ZonedDay(date, StartOfDayUtc(date, zone), StartOfDayUtc(date.AddDays(1), zone));
        return true;
    }

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
