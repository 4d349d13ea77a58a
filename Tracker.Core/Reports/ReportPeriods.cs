using System.Globalization;
using Tracker.Core.Offers;

namespace Tracker.Core.Reports;

/// <summary>
/// The periods of one time dimension (day, hour, week, month) over a report's range, in the report's
/// zone, as runs of 15-minute UTC quarters. <see cref="IndexOf"/> finds the period of any quarter.
/// </summary>
public sealed class ReportPeriods
{
    private readonly long[] _starts;
    private readonly ReportKey[] _keys;

    private ReportPeriods(ReportDimension dimension, long end, List<(long Start, string Value, string Label)> periods)
    {
        Dimension = dimension;
        End = end;
        _starts = periods.Select(p => p.Start).ToArray();
        _keys = periods.Select(p => new ReportKey(dimension, p.Value, p.Label)).ToArray();
    }

    public ReportDimension Dimension { get; }

    public long Start => _starts.Length == 0 ? End : _starts[0];

    public long End { get; }

    public int Count => _starts.Length;

    public ReportKey Key(int index) => _keys[index];

    /// <summary>The first quarter of period <paramref name="index"/>.</summary>
    public long StartOf(int index) => _starts[index];

    /// <summary>The period containing the quarter; -1 outside the range.</summary>
    public int IndexOf(long quarter)
    {
        if (quarter < Start || quarter >= End) return -1;
        var i = Array.BinarySearch(_starts, quarter);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The periods of <paramref name="dimension"/> (a time dimension) from <paramref name="from"/> to <paramref name="to"/> (inclusive) in <paramref name="zone"/>.</summary>
    public static ReportPeriods Build(ReportDimension dimension, TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        var (start, end) = ReportTime.Range(from, to, zone);
        var periods = new List<(long, string, string)>();
        switch (dimension)
        {
            case ReportDimension.Day:
                for (var d = from; d <= to; d = d.AddDays(1))
                {
                    var text = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    periods.Add((ReportTime.DayStart(d, zone), text, text));
                }
                break;
            case ReportDimension.Week:
                for (var d = from; d <= to; d = d.AddDays(1))
                {
                    if (d != from && d.DayOfWeek != DayOfWeek.Monday) continue;
                    var text = WeekName(d);
                    periods.Add((ReportTime.DayStart(d, zone), text, text));
                }
                break;
            case ReportDimension.Month:
                for (var d = from; d <= to; d = d.AddDays(1))
                {
                    if (d != from && d.Day != 1) continue;
                    var text = d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                    periods.Add((ReportTime.DayStart(d, zone), text, text));
                }
                break;
            case ReportDimension.Hour:
                AddHours(periods, zone, start, end);
                break;
            case ReportDimension.Campaign:
            case ReportDimension.Stream:
            case ReportDimension.Offer:
            case ReportDimension.OfferGroup:
            case ReportDimension.AffiliateNetwork:
            case ReportDimension.Country:
            case ReportDimension.Source:
            case ReportDimension.Keyword:
            case ReportDimension.SubId1:
            case ReportDimension.SubId2:
            case ReportDimension.SubId3:
            case ReportDimension.SubId4:
            case ReportDimension.SubId5:
                throw new ArgumentException($"{dimension} is not a time dimension.", nameof(dimension));
        }
        return new ReportPeriods(dimension, end, periods);
    }

    /// <summary>ISO 8601 week of the Monday-started week containing the day, e.g. 2026-W48.</summary>
    public static string WeekName(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }

    // Local clock hours: each quarter falls in exactly one. On the autumn DST day the repeated hour
    // is two periods, told apart by their UTC offset.
    private static void AddHours(List<(long Start, string Value, string Label)> periods, TimeZoneInfo zone, long start, long end)
    {
        DateTime? currentHour = null;
        TimeSpan currentOffset = default;
        for (var q = start; q < end; q++)
        {
            var utc = ReportTime.StartOf(q);
            var offset = zone.GetUtcOffset(utc);
            var local = utc + offset;
            var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
            if (currentHour == hour && currentOffset == offset) continue;
            var label = hour.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var repeated = zone.IsAmbiguousTime(hour) || zone.IsAmbiguousTime(hour.AddMinutes(59));
            var value = repeated ? $"{label} {Offset(offset)}" : label;
            periods.Add((q, value, value));
            currentHour = hour;
            currentOffset = offset;
        }
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
