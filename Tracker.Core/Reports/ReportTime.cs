namespace Tracker.Core.Reports;

/// <summary>
/// The reports' clock: 15-minute UTC buckets ("quarters", numbered from the Unix epoch). Every time zone
/// in use since 2000 has offsets and changes on a quarter-hour (Asia/Kolkata +5:30, Asia/Kathmandu +5:45,
/// DST days of 23 and 25 hours), so every local day, hour, week and month is a whole number of quarters
/// and a report in any zone is exact to the click.
/// </summary>
public static class ReportTime
{
    public const int QuarterSeconds = 15 * 60;

    private const long TicksPerQuarter = QuarterSeconds * TimeSpan.TicksPerSecond;

    /// <summary>The earliest day a report may ask for.</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);

    /// <summary>The latest day a report may ask for.</summary>
    public static readonly DateOnly MaxDate = new(2099, 12, 31);

    /// <summary>The quarter that contains a UTC instant.</summary>
    public static long Quarter(DateTime utc)
    {
        var ticks = DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks;
        return ticks >= 0 ? ticks / TicksPerQuarter : -((-ticks + TicksPerQuarter - 1) / TicksPerQuarter);
    }

    /// <summary>The UTC instant a quarter starts.</summary>
    public static DateTime StartOf(long quarter) =>
        new(DateTime.UnixEpoch.Ticks + quarter * TicksPerQuarter, DateTimeKind.Utc);

    /// <summary>The quarter a local day starts in (its first quarter): days always start on a quarter boundary.</summary>
    public static long DayStart(DateOnly date, TimeZoneInfo zone) =>
        Quarter(Offers.ZonedDay.StartOfDayUtc(date, zone));

    /// <summary>The report's whole range [start, end) in quarters: from the start of <paramref name="from"/> to the end of <paramref name="to"/> in the zone.</summary>
    public static (long Start, long End) Range(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        (DayStart(from, zone), DayStart(to.AddDays(1), zone));
}
