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

public sealed class ConversionCapRouterTests
{
    private static Offer NewOffer(int id, int? limit = null, int? alternative = null, ItemState state = ItemState.Active) => new()
    {
        Id = id,
        Name = $"Offer {id}",
        State = state,
        ConversionCap = new ConversionCap { Enabled = limit is not null, DailyLimit = limit ?? 0, TimeZone = "UTC", AlternativeOfferId = alternative },
    };

    private static CapRoute Route(Offer chosen, Dictionary<int, Offer> offers, Dictionary<int, int> counts) =>
        ConversionCapRouter.Route(chosen, id => offers.GetValueOrDefault(id), o => counts.GetValueOrDefault(o.Id));

    private static Dictionary<int, Offer> Catalogue(params Offer[] offers) => offers.ToDictionary(o => o.Id);

    [Fact]
    public void AnOfferWithoutCapKeepsTheClickAndSaysNothing()
    {
        var a = NewOffer(1);
        var route = Route(a, Catalogue(a), []);
        Assert.Same(a, route.Offer);
        Assert.Empty(route.Trace);
    }

    [Fact]
    public void AnOfferUnderItsCapKeepsTheClick()
    {
        var a = NewOffer(1, limit: 5, alternative: 2);
        var route = Route(a, Catalogue(a, NewOffer(2)), new() { [1] = 4 });
        Assert.Equal(1, route.Offer.Id);
        Assert.Contains("4 of 5 today", Assert.Single(route.Trace));
        Assert.Contains("under the cap", route.Trace[0]);
    }

    [Fact]
    public void ACappedOfferSendsTheClickToItsAlternative()
    {
        var a = NewOffer(1, limit: 5, alternative: 2);
        var route = Route(a, Catalogue(a, NewOffer(2)), new() { [1] = 5 });
        Assert.Equal(2, route.Offer.Id);
        Assert.True(route.Redirected(a));
        Assert.Contains("alternative offer #2", Assert.Single(route.Trace));
    }

    [Fact]
    public void ACappedAlternativeSendsTheClickFurtherDownTheChain()
    {
        var a = NewOffer(1, limit: 5, alternative: 2);
        var route = Route(a, Catalogue(a, NewOffer(2, limit: 3, alternative: 3), NewOffer(3, limit: 10, alternative: 1)),
            new() { [1] = 5, [2] = 3, [3] = 9 });
        Assert.Equal(3, route.Offer.Id);
        Assert.Equal(3, route.Trace.Count);
    }

    [Fact]
    public void ACappedOfferWithoutAlternativeIgnoresTheCap()
    {
        var a = NewOffer(1, limit: 5);
        var route = Route(a, Catalogue(a), new() { [1] = 50 });
        Assert.Equal(1, route.Offer.Id);
        Assert.Contains("no alternative offer is set, so the cap is ignored", Assert.Single(route.Trace));
    }

    [Fact]
    public void AChainThatLoopsStopsAtTheLastOfferBeforeTheLoop()
    {
        var a = NewOffer(1, limit: 1, alternative: 2);
        var b = NewOffer(2, limit: 1, alternative: 1);
        var route = Route(a, Catalogue(a, b), new() { [1] = 1, [2] = 1 });
        Assert.Equal(2, route.Offer.Id);
        Assert.Contains("already tried", route.Trace[^1]);
    }

    [Fact]
    public void AnOfferThatIsItsOwnAlternativeDoesNotLoop()
    {
        var a = NewOffer(1, limit: 1, alternative: 1);
        var route = Route(a, Catalogue(a), new() { [1] = 3 });
        Assert.Equal(1, route.Offer.Id);
        Assert.Contains("already tried", Assert.Single(route.Trace));
    }

    [Theory]
    [InlineData(true, "archived")]
    [InlineData(false, "deleted")]
    public void AnArchivedOrDeletedAlternativeIgnoresTheCap(bool exists, string word)
    {
        var a = NewOffer(1, limit: 1, alternative: 2);
        var offers = exists ? Catalogue(a, NewOffer(2, state: ItemState.Archived)) : Catalogue(a);
        var route = Route(a, offers, new() { [1] = 1 });
        Assert.Equal(1, route.Offer.Id);
        Assert.Contains(word, Assert.Single(route.Trace));
    }

    [Fact]
    public void ALongChainEndsAtTheFirstOfferUnderItsCap()
    {
        var offers = Enumerable.Range(1, 30).Select(i => NewOffer(i, limit: 1, alternative: i + 1)).ToDictionary(o => o.Id);
        var counts = Enumerable.Range(1, 24).ToDictionary(i => i, _ => 1);
        var route = Route(offers[1], offers, counts);
        Assert.Equal(25, route.Offer.Id);
        Assert.Equal(25, route.Trace.Count);
    }

    [Fact]
    public void AChainLongerThanTheGuardStopsAtTheGuard()
    {
        var offers = Enumerable.Range(1, 100).Select(i => NewOffer(i, limit: 1, alternative: i + 1)).ToDictionary(o => o.Id);
        offers[100] = NewOffer(100);
        var counts = Enumerable.Range(1, 99).ToDictionary(i => i, _ => 1);
        var route = Route(offers[1], offers, counts);
        // The guard stops the walk after MaxChainLength offers rather than following it forever.
        Assert.Equal(ConversionCapRouter.MaxChainLength, route.Offer.Id);
    }
}
