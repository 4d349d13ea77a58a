using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Clicks;
using Tracker.Web.Services;

namespace Tracker.Tests.Integration.Postbacks;

/// <summary>
/// Conversion caps end to end: real clicks through the campaign link, real postbacks, a fake clock.
/// A capped offer's clicks go to its alternative until midnight in the cap's zone.
/// </summary>
public sealed class ClickCapRoutingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string Host, string SubId)> ClickAsync(TrackerApplication app)
    {
        var response = await app.Visitor().GetAsync("/capped", Ct);
        var location = response.Headers.Location;
        return (response.StatusCode, location?.Host ?? "", location is null ? "" : ClickTestKit.SubIdFrom(location));
    }

    private static async Task ConvertAsync(TrackerApplication app, string subId)
    {
        var key = app.Service<SettingsStore>().Current.PostbackKey;
        var response = await app.CreateClient().GetAsync($"/{key}/postback?subid={subId}&status=lead", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CappedOfferSendsClicksToItsAlternativeUntilMidnightInTheCapsZone()
    {
        // 21:00 in Kolkata (+5:30); its midnight is 18:30 UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 15, 30, 0, TimeSpan.Zero));
        await using var app = ClickTestKit.CreateApp(s => s.AddSingleton<TimeProvider>(clock));
        var network = await app.AddNetworkAsync("&sub1={subid}");
        var alternative = await app.AddOfferAsync("https://alternative.example/", networkId: network.Id);
        var capped = await app.AddOfferAsync("https://capped.example/", networkId: network.Id, configure: o =>
            o.ConversionCap = new ConversionCap { Enabled = true, DailyLimit = 2, TimeZone = "Asia/Kolkata", AlternativeOfferId = alternative.Id });
        await app.AddCampaignAsync("capped", ClickTestKit.OffersStream("Everyone", StreamType.Default, (capped.Id, 100)));

        var first = await ClickAsync(app);
        var second = await ClickAsync(app);
        Assert.Equal(("capped.example", "capped.example"), (first.Host, second.Host));
        await ConvertAsync(app, first.SubId);
        await ConvertAsync(app, second.SubId);

        var diverted = await ClickAsync(app);
        Assert.Equal((HttpStatusCode.Redirect, "alternative.example"), (diverted.Status, diverted.Host));
        var trace = (await app.ClicksAsync()).Single(c => c.SubId == diverted.SubId).Trace;
        Assert.Contains(trace, line => line.Contains("2 of 2 today (Asia/Kolkata), cap reached", StringComparison.Ordinal)
                                       && line.Contains($"alternative offer #{alternative.Id}", StringComparison.Ordinal));

        // A conversion on the diverted click belongs to the alternative and does not move the capped count.
        await ConvertAsync(app, diverted.SubId);
        clock.SetUtcNow(new DateTimeOffset(2026, 5, 10, 18, 29, 0, TimeSpan.Zero));
        Assert.Equal("alternative.example", (await ClickAsync(app)).Host);

        clock.SetUtcNow(new DateTimeOffset(2026, 5, 10, 18, 30, 0, TimeSpan.Zero));
        var nextDay = await ClickAsync(app);
        Assert.Equal("capped.example", nextDay.Host);
        Assert.Contains((await app.ClicksAsync()).Single(c => c.SubId == nextDay.SubId).Trace,
            line => line.Contains("0 of 2 today", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CappedOfferWithoutAlternativeKeepsItsClicks()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var app = ClickTestKit.CreateApp(s => s.AddSingleton<TimeProvider>(clock));
        var network = await app.AddNetworkAsync("&sub1={subid}");
        var capped = await app.AddOfferAsync("https://capped.example/", networkId: network.Id, configure: o =>
            o.ConversionCap = new ConversionCap { Enabled = true, DailyLimit = 1, TimeZone = "UTC" });
        await app.AddCampaignAsync("capped", ClickTestKit.OffersStream("Everyone", StreamType.Default, (capped.Id, 100)));

        await ConvertAsync(app, (await ClickAsync(app)).SubId);
        var after = await ClickAsync(app);

        Assert.Equal("capped.example", after.Host);
        Assert.Contains((await app.ClicksAsync()).Single(c => c.SubId == after.SubId).Trace,
            line => line.Contains("no alternative offer is set, so the cap is ignored", StringComparison.Ordinal));
    }
}
