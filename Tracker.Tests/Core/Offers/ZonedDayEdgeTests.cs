using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Offers;

public sealed class ZonedDayEdgeTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Theory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Asia/Tokyo")]
    [InlineData("UTC")]
    [InlineData("Pacific/Pago_Pago")]
    [InlineData("Etc/GMT+12")]
    public void TheCalendarsEdgeDaysAreRefusedAndTheSupportedEdgesWorkInEveryZone(string zoneId)
    {
        var zone = Zone(zoneId);

        Assert.False(ZonedDay.TryOf(DateOnly.MinValue, zone, out _));
        Assert.False(ZonedDay.TryOf(DateOnly.MaxValue, zone, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ZonedDay.Of(DateOnly.MaxValue, zone));

        Assert.True(ZonedDay.TryOf(ZonedDay.FirstSupportedDate, zone, out var first));
        Assert.True(ZonedDay.TryOf(ZonedDay.LastSupportedDate, zone, out var last));
        Assert.True(first.StartUtc < first.EndUtc);
        Assert.True(last.StartUtc < last.EndUtc);
    }

    [Fact]
    public void ADayInTokyoStartsAtThePreviousDays15UtcAndLasts24Hours()
    {
        Assert.True(ZonedDay.TryOf(new DateOnly(2026, 3, 2), Zone("Asia/Tokyo"), out var day));

        Assert.Equal(new DateTime(2026, 3, 1, 15, 0, 0, DateTimeKind.Utc), day.StartUtc);
        Assert.Equal(TimeSpan.FromHours(24), day.Length);
    }
}
