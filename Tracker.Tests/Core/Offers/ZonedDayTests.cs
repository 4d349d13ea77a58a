using System.Globalization;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Offers;

public sealed class ZonedDayTests
{
    private static DateTime Utc(string iso) => DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static TheoryData<string, string, string, string, double> Days => new()
    {
        // zone, an instant (UTC) → the local date it falls on, that day's start (UTC), its length in hours
        { "UTC", "2026-11-23T10:00:00Z", "2026-11-23", "2026-11-23T00:00:00Z", 24 },
        { "Europe/Berlin", "2026-11-23T22:59:59Z", "2026-11-23", "2026-11-22T23:00:00Z", 24 },
        { "Europe/Berlin", "2026-11-23T23:00:00Z", "2026-11-24", "2026-11-23T23:00:00Z", 24 },
        // Spring forward (02:00 → 03:00): a 23-hour day.
        { "Europe/Berlin", "2026-03-29T12:00:00Z", "2026-03-29", "2026-03-28T23:00:00Z", 23 },
        // Fall back (03:00 → 02:00): a 25-hour day.
        { "Europe/Berlin", "2026-10-25T12:00:00Z", "2026-10-25", "2026-10-24T22:00:00Z", 25 },
        { "America/New_York", "2026-03-08T12:00:00Z", "2026-03-08", "2026-03-08T05:00:00Z", 23 },
        { "America/New_York", "2026-11-01T12:00:00Z", "2026-11-01", "2026-11-01T04:00:00Z", 25 },
        { "America/New_York", "2026-11-02T04:59:59Z", "2026-11-01", "2026-11-01T04:00:00Z", 25 },
        // A half-hour zone with no DST: the day turns at 18:30 UTC.
        { "Asia/Kolkata", "2026-05-10T18:29:59Z", "2026-05-10", "2026-05-09T18:30:00Z", 24 },
        { "Asia/Kolkata", "2026-05-10T18:30:00Z", "2026-05-11", "2026-05-10T18:30:00Z", 24 },
        { "Asia/Kathmandu", "2026-05-10T18:15:00Z", "2026-05-11", "2026-05-10T18:15:00Z", 24 },
        // A half-hour DST shift (02:00 → 02:30).
        { "Australia/Lord_Howe", "2026-10-04T06:00:00Z", "2026-10-04", "2026-10-03T13:30:00Z", 23.5 },
        // Clocks jump over midnight (00:00 → 01:00): the day starts at the jump.
        { "America/Havana", "2026-03-08T12:00:00Z", "2026-03-08", "2026-03-08T05:00:00Z", 23 },
        // Midnight happens twice (01:00 → 00:00): the day starts at the first one.
        { "America/Havana", "2026-11-01T12:00:00Z", "2026-11-01", "2026-11-01T04:00:00Z", 25 },
        { "Pacific/Kiritimati", "2026-05-10T09:59:59Z", "2026-05-10", "2026-05-09T10:00:00Z", 24 },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void TodayIsTheDayInTheCapsZone(string zoneId, string instant, string expectedDate, string expectedStart, double expectedHours)
    {
        Assert.True(ZonedDay.TryFindZone(zoneId, out var zone));
        var day = ZonedDay.Containing(Utc(instant), zone);
        Assert.Equal(DateOnly.ParseExact(expectedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), day.Date);
        Assert.Equal(Utc(expectedStart), day.StartUtc);
        Assert.Equal(DateTimeKind.Utc, day.StartUtc.Kind);
        Assert.Equal(TimeSpan.FromHours(expectedHours), day.Length);
        Assert.True(day.Contains(Utc(instant)));
        Assert.False(day.Contains(day.EndUtc));
        Assert.True(day.Contains(day.EndUtc.AddTicks(-1)));
    }

    [Fact]
    public void ConsecutiveDaysTouchWithoutGapOrOverlapAllYear()
    {
        foreach (var id in new[] { "Europe/Berlin", "America/Havana", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata" })
        {
            Assert.True(ZonedDay.TryFindZone(id, out var zone));
            var day = ZonedDay.Of(new DateOnly(2026, 1, 1), zone);
            for (var i = 0; i < 365; i++)
            {
                var next = ZonedDay.Containing(day.EndUtc, zone);
                Assert.Equal(day.EndUtc, next.StartUtc);
                Assert.Equal(day.Date.AddDays(1), next.Date);
                Assert.InRange(next.Length.TotalHours, 23, 25);
                day = next;
            }
        }
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownZonesAreReportedAndCapsCountInUtc(string? id)
    {
        Assert.False(ZonedDay.TryFindZone(id, out _));
        var cap = new ConversionCap { TimeZone = id ?? "" };
        Assert.Equal(TimeZoneInfo.Utc, cap.Zone);
    }
}
