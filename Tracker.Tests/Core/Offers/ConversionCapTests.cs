using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Offers;

public sealed class ConversionCapTests
{
    [Theory]
    [InlineData(false, 10, 50, false)]
    [InlineData(true, 0, 50, false)]
    [InlineData(true, -1, 50, false)]
    [InlineData(true, 10, 9, false)]
    [InlineData(true, 10, 10, true)]
    [InlineData(true, 10, 11, true)]
    [InlineData(true, 1, 0, false)]
    [InlineData(true, 1, 1, true)]
    public void CapIsReachedAtItsDailyLimit(bool enabled, int limit, int todayCount, bool reached)
    {
        var cap = new ConversionCap { Enabled = enabled, DailyLimit = limit };
        Assert.Equal(reached, cap.IsReached(todayCount));
    }

    [Fact]
    public void TodayUsesTheCapsZone()
    {
        var cap = new ConversionCap { TimeZone = "Asia/Kolkata" };
        var today = cap.Today(new DateTime(2026, 5, 10, 20, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateOnly(2026, 5, 11), today.Date);
    }
}
