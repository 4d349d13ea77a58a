using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Offers;
using Tracker.Web.Conversions;
using Tracker.Web.Live;

namespace Tracker.Tests.Integration.Postbacks;

/// <summary>Today's counts and cap routing as the click path sees them, with a fake clock.</summary>
public sealed class ConversionCapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ConvertAsync(PostbackTestBed bed, Offer offer, string status = "sale")
    {
        var click = await bed.AddClickAsync(offer);
        var (response, body) = await bed.SendAsync($"subid={click.SubId}&status={status}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
    }

    /// <summary>Routes as the click path does: with every offer as the routing snapshot holds it, at the fake clock's now.</summary>
    private static async Task<CapRoute> RouteAsync(PostbackTestBed bed, ConversionCapGate gate, Offer chosen)
    {
        await using var db = await bed.NewDbAsync();
        var offers = await db.Offers.AsNoTracking().ToDictionaryAsync(o => o.Id, Ct);
        return gate.Route(offers[chosen.Id], offers, bed.Now);
    }

    private static Action<Offer> Capped(int limit, string zone, int? alternative = null) => o =>
        o.ConversionCap = new ConversionCap { Enabled = true, DailyLimit = limit, TimeZone = zone, AlternativeOfferId = alternative };

    [Fact]
    public async Task TodayCountResetsAtMidnightInAsiaKolkata()
    {
        // 22:30 in Kolkata; midnight there is 18:30 UTC.
        await using var bed = await PostbackTestBed.StartAsync(new DateTimeOffset(2026, 5, 10, 17, 0, 0, TimeSpan.Zero));
        var offer = await bed.AddOfferAsync(Capped(10, "Asia/Kolkata"));
        await ConvertAsync(bed, offer);
        await ConvertAsync(bed, offer, "lead");
        Assert.Equal(2, bed.Counter.TodayCount(offer.Id));

        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 10, 18, 29, 59, TimeSpan.Zero));
        Assert.Equal(2, bed.Counter.TodayCount(offer.Id));
        // Still 10 May in UTC, but already 11 May in Kolkata.
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 10, 18, 30, 0, TimeSpan.Zero));
        Assert.Equal(0, bed.Counter.TodayCount(offer.Id));
        Assert.Equal(2, bed.Counter.TodayCount(offer.Id, TimeZoneInfo.Utc));
        await ConvertAsync(bed, offer);
        Assert.Equal(1, bed.Counter.TodayCount(offer.Id));
    }

    [Fact]
    public async Task TodayCountFollowsTheShortDstDayInBerlin()
    {
        // 28 March 2026, 23:30 in Berlin (CET, +1); the night of 29 March loses an hour.
        await using var bed = await PostbackTestBed.StartAsync(new DateTimeOffset(2026, 3, 28, 22, 30, 0, TimeSpan.Zero));
        var offer = await bed.AddOfferAsync(Capped(10, "Europe/Berlin"));
        await ConvertAsync(bed, offer);
        Assert.Equal(1, bed.Counter.TodayCount(offer.Id));

        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero)); // 00:00 CET, 29 March
        Assert.Equal(0, bed.Counter.TodayCount(offer.Id));
        await ConvertAsync(bed, offer);
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 21, 59, 0, TimeSpan.Zero)); // 23:59 CEST, still 29 March
        await ConvertAsync(bed, offer);
        Assert.Equal(2, bed.Counter.TodayCount(offer.Id));
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero)); // 00:00 CEST, 30 March: after 23 hours
        Assert.Equal(0, bed.Counter.TodayCount(offer.Id));
    }

    [Fact]
    public async Task RejectedConversionsAndRebillsDoNotCount()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync(o => { Capped(10, "UTC")(o); o.Rebills = true; });
        var lead = await bed.AddClickAsync(offer);
        await bed.SendAsync($"subid={lead.SubId}&status=lead");
        Assert.Equal(1, bed.Counter.TodayCount(offer.Id));
        await bed.SendAsync($"subid={lead.SubId}&status=rejected");
        Assert.Equal(0, bed.Counter.TodayCount(offer.Id));

        var sale = await bed.AddClickAsync(offer);
        await bed.SendAsync($"subid={sale.SubId}&tid=1");
        await bed.SendAsync($"subid={sale.SubId}&tid=2&status=rebill");
        await bed.SendAsync($"subid={sale.SubId}&tid=3&status=rebill");
        Assert.Equal(1, bed.Counter.TodayCount(offer.Id));

        var rejectedFirst = await bed.AddClickAsync(offer);
        await bed.SendAsync($"subid={rejectedFirst.SubId}&status=rejected");
        Assert.Equal(1, bed.Counter.TodayCount(offer.Id));
    }

    [Fact]
    public async Task TodayCountSurvivesARestart()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tracker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var now = new DateTimeOffset(2026, 11, 20, 20, 0, 0, TimeSpan.Zero);
            int offerId;
            await using (var first = await PostbackTestBed.StartAsync(now, dir))
            {
                var offer = await first.AddOfferAsync(Capped(3, "America/New_York"));
                offerId = offer.Id;
                await ConvertAsync(first, offer);
                await ConvertAsync(first, offer, "lead");
                await ConvertAsync(first, offer, "rejected");
            }
            await using var second = await PostbackTestBed.StartAsync(now.AddMinutes(10), dir);
            Assert.Equal(2, second.Counter.TodayCount(offerId));
            Assert.Equal("America/New_York", second.Counter.FindOffer(offerId)!.ConversionCap.TimeZone);
            // 20:00 UTC is 15:00 in New York; its midnight is 05:00 UTC.
            second.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 5, 0, 0, TimeSpan.Zero));
            Assert.Equal(0, second.Counter.TodayCount(offerId));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { /* the OS temp cleaner takes it */ }
        }
    }

    [Fact]
    public async Task CappedOfferSendsClicksToItsAlternativeUntilMidnight()
    {
        // 21:00 in Berlin on 24 October 2026; the next day is the 25-hour one.
        await using var bed = await PostbackTestBed.StartAsync(new DateTimeOffset(2026, 10, 24, 19, 0, 0, TimeSpan.Zero));
        var alternative = await bed.AddOfferAsync();
        var offer = await bed.AddOfferAsync(Capped(2, "Europe/Berlin", alternative.Id));
        var gate = bed.App.Service<ConversionCapGate>();

        Assert.Equal(offer.Id, (await RouteAsync(bed, gate, offer)).Offer.Id);
        await ConvertAsync(bed, offer);
        Assert.Equal(offer.Id, (await RouteAsync(bed, gate, offer)).Offer.Id);
        await ConvertAsync(bed, offer);
        var capped = await RouteAsync(bed, gate, offer);
        Assert.Equal(alternative.Id, capped.Offer.Id);
        Assert.Contains("2 of 2 today (Europe/Berlin), cap reached", Assert.Single(capped.Trace));

        // A conversion that arrives after the cap is still recorded: the network counts it.
        await ConvertAsync(bed, offer);
        Assert.Equal(3, bed.Counter.TodayCount(offer.Id));

        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 24, 21, 59, 59, TimeSpan.Zero)); // 23:59:59 CEST
        Assert.Equal(alternative.Id, (await RouteAsync(bed, gate, offer)).Offer.Id);
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero)); // midnight CEST
        var reset = await RouteAsync(bed, gate, offer);
        Assert.Equal(offer.Id, reset.Offer.Id);
        Assert.Contains("0 of 2 today", reset.Trace.Single());

        // The 25-hour day: two conversions late on 25 October (CET) still count for that day.
        await ConvertAsync(bed, offer);
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 22, 59, 0, TimeSpan.Zero)); // 23:59 CET, 25 October
        await ConvertAsync(bed, offer);
        Assert.Equal(alternative.Id, (await RouteAsync(bed, gate, offer)).Offer.Id);
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero)); // 26 October
        Assert.Equal(offer.Id, (await RouteAsync(bed, gate, offer)).Offer.Id);
    }

    [Fact]
    public async Task AlternativeChainsAreFollowedWithACycleGuard()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var c = await bed.AddOfferAsync(Capped(1, "UTC"));
        var b = await bed.AddOfferAsync(Capped(1, "UTC", c.Id));
        var a = await bed.AddOfferAsync(Capped(1, "UTC", b.Id));
        c.ConversionCap = c.ConversionCap with { AlternativeOfferId = a.Id };
        await bed.UpdateOfferAsync(c);
        var gate = bed.App.Service<ConversionCapGate>();

        await ConvertAsync(bed, a);
        Assert.Equal(b.Id, (await RouteAsync(bed, gate, a)).Offer.Id);
        await ConvertAsync(bed, b);
        var toC = await RouteAsync(bed, gate, a);
        Assert.Equal(c.Id, toC.Offer.Id);
        Assert.Equal(3, toC.Trace.Count);
        await ConvertAsync(bed, c);
        // All three capped and c points back at a: the walk stops at c and ignores its cap.
        var loop = await RouteAsync(bed, gate, a);
        Assert.Equal(c.Id, loop.Offer.Id);
        Assert.Contains("already tried", loop.Trace[^1]);

        // Archiving the alternative makes the capped offer keep its clicks.
        b.State = ItemState.Archived;
        await bed.UpdateOfferAsync(b);
        var archived = await RouteAsync(bed, gate, a);
        Assert.Equal(a.Id, archived.Offer.Id);
        Assert.Contains("archived", archived.Trace.Single());
    }

    [Fact]
    public async Task OfferChangeNoticesRefreshTheCapSettings()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync(Capped(5, "UTC"));
        offer.ConversionCap = offer.ConversionCap with { TimeZone = "Asia/Tokyo" };
        await using (var db = await bed.NewDbAsync())
        {
            db.Offers.Update(offer);
            await db.SaveChangesAsync(Ct);
        }
        bed.App.Service<ChangeFeed>().Publish(new ChangeNotice(ChangeNotice.Offer, offer.Id, 2));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (bed.Counter.FindOffer(offer.Id)?.ConversionCap.TimeZone != "Asia/Tokyo" && DateTime.UtcNow < deadline)
            await Task.Delay(20, Ct);
        Assert.Equal("Asia/Tokyo", bed.Counter.FindOffer(offer.Id)?.ConversionCap.TimeZone);
    }
}
