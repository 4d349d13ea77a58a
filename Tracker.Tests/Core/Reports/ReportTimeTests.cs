using Tracker.Core.Offers;
using Tracker.Core.Reports;

namespace Tracker.Tests.Core.Reports;

public sealed class ReportTimeTests
{
    [Fact]
    public void EveryZonesDaysStartOnAQuarterHourSince2000()
    {
        // The whole design rests on this: any zone's day, hour, week and month is a run of 15-minute UTC buckets.
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            for (var d = new DateOnly(2000, 1, 1); d < new DateOnly(2040, 1, 1); d = d.AddDays(13))
            {
                var start = ZonedDay.StartOfDayUtc(d, zone);
                Assert.True(start.Ticks % TimeSpan.FromMinutes(15).Ticks == 0, $"{zone.Id} {d} starts at {start:O}");
                Assert.Equal(start, ReportTime.StartOf(ReportTime.Quarter(start)));
            }
        }
    }

    [Fact]
    public void QuartersNumberFifteenMinuteBucketsFromTheEpoch()
    {
        Assert.Equal(0, ReportTime.Quarter(DateTime.UnixEpoch));
        Assert.Equal(0, ReportTime.Quarter(DateTime.UnixEpoch.AddMinutes(14.99)));
        Assert.Equal(1, ReportTime.Quarter(DateTime.UnixEpoch.AddMinutes(15)));
        Assert.Equal(-1, ReportTime.Quarter(DateTime.UnixEpoch.AddTicks(-1)));
        var t = new DateTime(2026, 11, 30, 10, 37, 12, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 11, 30, 10, 30, 0, DateTimeKind.Utc), ReportTime.StartOf(ReportTime.Quarter(t)));
    }

    [Theory]
    [InlineData("Asia/Kolkata", "2026-11-29 18:30", "2026-11-30 18:30")]
    [InlineData("Asia/Kathmandu", "2026-11-29 18:15", "2026-11-30 18:15")]
    [InlineData("America/St_Johns", "2026-11-30 03:30", "2026-12-01 03:30")]
    public void DaysInHalfAndQuarterHourZonesAreExactRunsOfQuarters(string zoneId, string startUtc, string endUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var days = ReportPeriods.Build(ReportDimension.Day, zone, new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30));
        Assert.Equal(Utc(startUtc), ReportTime.StartOf(days.Start));
        Assert.Equal(Utc(endUtc), ReportTime.StartOf(days.End));
        Assert.Equal(0, days.IndexOf(ReportTime.Quarter(Utc(startUtc))));
        Assert.Equal(-1, days.IndexOf(ReportTime.Quarter(Utc(startUtc)) - 1));
        Assert.Equal(-1, days.IndexOf(days.End));
    }

    [Fact]
    public void DstDaysHave23And25HoursAndTheRepeatedHourIsTwoPeriods()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var spring = ReportPeriods.Build(ReportDimension.Hour, berlin, new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29));
        Assert.Equal(23, spring.Count);
        Assert.Equal(23 * 4, spring.End - spring.Start);
        Assert.DoesNotContain(Enumerable.Range(0, spring.Count), i => spring.Key(i).Value == "2026-03-29 02:00");

        var autumn = ReportPeriods.Build(ReportDimension.Hour, berlin, new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25));
        Assert.Equal(25, autumn.Count);
        var values = Enumerable.Range(0, autumn.Count).Select(i => autumn.Key(i).Value).ToList();
        Assert.Equal(25, values.Distinct().Count());
        Assert.Contains("2026-10-25 02:00 +02:00", values);
        Assert.Contains("2026-10-25 02:00 +01:00", values);
        // 00:30 UTC is 02:30 summer time; 01:30 UTC is 02:30 winter time.
        Assert.Equal("2026-10-25 02:00 +02:00", autumn.Key(autumn.IndexOf(ReportTime.Quarter(Utc("2026-10-25 00:30")))).Value);
        Assert.Equal("2026-10-25 02:00 +01:00", autumn.Key(autumn.IndexOf(ReportTime.Quarter(Utc("2026-10-25 01:30")))).Value);

        var days = ReportPeriods.Build(ReportDimension.Day, berlin, new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 26));
        Assert.Equal([24 * 4, 25 * 4, 24 * 4], Enumerable.Range(0, 3).Select(i => (i + 1 < days.Count ? days.StartOf(i + 1) : days.End) - days.StartOf(i)));
    }

    [Fact]
    public void HoursInKathmanduStartAt45MinutesPastTheUtcHour()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");
        var hours = ReportPeriods.Build(ReportDimension.Hour, zone, new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30));
        Assert.Equal(24, hours.Count);
        Assert.Equal(("2026-11-30 00:00", Utc("2026-11-29 18:15")), (hours.Key(0).Value, ReportTime.StartOf(hours.StartOf(0))));
        Assert.Equal("2026-11-30 14:00", hours.Key(hours.IndexOf(ReportTime.Quarter(Utc("2026-11-30 08:15")))).Value);
        Assert.Equal("2026-11-30 13:00", hours.Key(hours.IndexOf(ReportTime.Quarter(Utc("2026-11-30 08:14")))).Value);
    }

    [Fact]
    public void WeeksAreIsoWeeksAndMonthsCalendarMonthsClippedToTheRange()
    {
        var utc = TimeZoneInfo.Utc;
        var weeks = ReportPeriods.Build(ReportDimension.Week, utc, new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 8));
        Assert.Equal(["2026-W48", "2026-W49", "2026-W50"], Enumerable.Range(0, weeks.Count).Select(i => weeks.Key(i).Value));
        Assert.Equal(Utc("2026-11-30 00:00"), ReportTime.StartOf(weeks.StartOf(1)));
        var months = ReportPeriods.Build(ReportDimension.Month, utc, new DateOnly(2026, 11, 26), new DateOnly(2027, 1, 2));
        Assert.Equal(["2026-11", "2026-12", "2027-01"], Enumerable.Range(0, months.Count).Select(i => months.Key(i).Value));
        Assert.Equal("2020-W53", ReportPeriods.WeekName(new DateOnly(2021, 1, 1)));
    }

    private static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
