using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Core.Amounts;
using Tracker.Core.Campaigns;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Clicks;
using Tracker.Web.Data;
using Tracker.Web.Live;
using Tracker.Web.Services;

namespace Tracker.Tests.Browser;

/// <summary>
/// Issue 8's proof in Chromium: real clicks and postbacks through the tracker's HTTP endpoints, then an
/// affiliate reads the money in Reports, grouped by affiliate network, and the CSV it downloads says
/// exactly what the table says. The same data feeds the dashboard and the lists' stats columns, which
/// are checked at desktop and phone widths (no sideways page scroll at 390 px).
/// </summary>
public sealed class ReportsBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A network, its offer and a campaign sending everyone there, stored and announced as the admin's saves are.</summary>
    private static async Task SeedNetworkOfferAndCampaignAsync(TrackerApplication app, string network, string alias, decimal payout)
    {
        await using var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct);
        var net = db.AffiliateNetworks.Add(new AffiliateNetwork { Name = network, OfferParameters = "&sub1={subid}" }).Entity;
        await db.SaveChangesAsync(Ct);
        var offer = db.Offers.Add(new Offer
        {
            Name = $"{network} offer", Url = $"https://offers.example/{alias}?o=1", AffiliateNetworkId = net.Id,
            PayoutType = PayoutType.Cpa, PayoutMicros = Money.ToMicros(payout), PayoutCurrency = "USD",
        }).Entity;
        await db.SaveChangesAsync(Ct);
        db.Campaigns.Add(new Campaign { Name = $"{network} campaign", Alias = alias, Streams = [ClickTestKit.OffersStream("Everyone", StreamType.Default, (offer.Id, 100))] });
        await db.SaveChangesAsync(Ct);
        var feed = app.Service<ChangeFeed>();
        feed.Publish(new ChangeNotice(ChangeNotice.Network, net.Id, 1));
        feed.Publish(new ChangeNotice(ChangeNotice.Offer, offer.Id, 1));
        feed.Publish(new ChangeNotice(ChangeNotice.Campaign, 0, 1));
    }

    /// <summary>A real click on the campaign link; the subid comes back in the offer URL, as the network would receive it.</summary>
    private static async Task<string> ClickAsync(HttpClient http, string alias, int visitor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/{alias}?source=browser-test");
        request.Headers.UserAgent.ParseAdd($"Mozilla/5.0 (visitor {visitor})");
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return ClickTestKit.SubIdFrom(response.Headers.Location);
    }

    private static async Task<string[][]> TableAsync(IPage page) =>
        (await page.Locator("[data-testid=report-table] tbody tr, [data-testid=report-table] tfoot tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => Array.from(r.querySelectorAll('td')).map(td => td.innerText.trim()))"));

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var (scroll, width) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scroll <= width, $"{what} scrolls sideways at {width}px: the page is {scroll}px wide");
    }

    [Fact]
    public async Task AnAffiliateGroupsByNetworkReadsTheMoneyAndTheCsvMatchesTheTable()
    {
        await using var session = await BrowserSession.StartAsync();
        var app = session.App;

        // A fresh install: the dashboard says what to do first, Reports what produces data.
        var page = await session.CreateAdminAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-setup")).ToContainTextAsync("Add your affiliate network");
        await BrowserSession.ScreenshotAsync(page, "dashboard-fresh-1440");
        await page.GotoAsync("/admin/reports");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("report-empty")).ToContainTextAsync("postback URL");
        await BrowserSession.ScreenshotAsync(page, "reports-empty-1440");

        await SeedNetworkOfferAndCampaignAsync(app, "Alpha Network", "alpha", 12.50m);
        await SeedNetworkOfferAndCampaignAsync(app, "Beta Network", "beta", 4m);

        // Traffic through the real endpoints: 3 clicks on alpha, 2 on beta; the networks confirm 2 and 1 sales.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(session.BaseUrl) };
        var alpha = new List<string>();
        var beta = new List<string>();
        for (var i = 0; i < 3; i++) alpha.Add(await ClickAsync(http, "alpha", i));
        for (var i = 0; i < 2; i++) beta.Add(await ClickAsync(http, "beta", 10 + i));
        var key = ((SettingsStore)app.Services.GetService(typeof(SettingsStore))!).Current.PostbackKey;
        foreach (var subId in new[] { alpha[0], alpha[1], beta[0] })
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/{key}/postback?subid={subId}&status=sale", Ct)).StatusCode);

        // The page was open while the traffic came: it refreshed by itself.
        await Assertions.Expect(page.Locator("[data-testid=report-row]")).ToHaveCountAsync(2);

        // Group by affiliate network instead of campaign.
        await page.ClickAsync("[data-testid=group-add] button");
        await page.ClickAsync(".mud-popover-open [data-testid=group-option][data-dimension=affiliateNetwork]");
        // The second level is on screen and the menu has closed before the first one is removed: on a
        // loaded machine a click sent while the chips re-render lands on the old chip and is lost.
        await Assertions.Expect(page.Locator("[data-testid=report-group-header]")).ToHaveTextAsync(["Campaign", "Affiliate network"]);
        await Assertions.Expect(page.Locator(".mud-popover-open [data-testid=group-option]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=group-chip][data-dimension=campaign] .mud-chip-close-button");
        await Assertions.Expect(page.Locator("[data-testid=report-group-header]")).ToHaveTextAsync(["Affiliate network"]);
        await page.WaitForURLAsync("**/admin/reports?group=affiliateNetwork");

        // Sort by revenue, biggest first, and read the numbers.
        // Biggest first: a click may need repeating on a loaded machine, and a late one toggles the order.
        for (var attempt = 0; attempt < 4 && !page.Url.Contains("sort=-revenue"); attempt++)
        {
            await page.ClickAsync("[data-testid=metric-header][data-metric=revenue]");
            try
            {
                await page.WaitForURLAsync("**sort=-revenue**", new() { WaitUntil = WaitUntilState.Commit, Timeout = 10_000 }); // a same-page address change: no load event
            }
            catch (TimeoutException)
            {
                // the click was lost or toggled the order: look again
            }
        }
        Assert.Contains("sort=-revenue", page.Url);
        var alphaRow = page.Locator("[data-testid=report-row]").Nth(0);
        await Assertions.Expect(alphaRow.Locator("[data-testid=report-key]")).ToHaveTextAsync("Alpha Network");
        Assert.Equal("3", await alphaRow.Locator("td[data-metric=clicks]").InnerTextAsync());
        Assert.Equal("2", await alphaRow.Locator("td[data-metric=conversions]").InnerTextAsync());
        Assert.Equal("25.00 USD", await alphaRow.Locator("td[data-metric=revenue]").InnerTextAsync());
        Assert.Equal("66.67%", await alphaRow.Locator("td[data-metric=cr]").InnerTextAsync());
        Assert.Equal("8.3333 USD", await alphaRow.Locator("td[data-metric=epc]").InnerTextAsync());
        Assert.Equal("—", await alphaRow.Locator("td[data-metric=roi]").InnerTextAsync());
        var totals = page.Locator("[data-testid=report-totals]");
        Assert.Equal("29.00 USD", await totals.Locator("td[data-metric=revenue]").InnerTextAsync());
        Assert.Equal("5", await totals.Locator("td[data-metric=clicks]").InnerTextAsync());

        // Export: the downloaded file is the table, line by line.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-csv]"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, Ct);
        Assert.EndsWith("-affiliateNetwork.csv", download.SuggestedFilename);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Affiliate network,Clicks,Conversions,Revenue (USD),Cost (USD),Profit (USD),ROI (%),CR (%),EPC (USD)", lines[0]);
        var table = await TableAsync(page);
        Assert.Equal(table.Length, lines.Length - 1);
        for (var i = 0; i < table.Length; i++)
        {
            var shown = table[i].Select(c => c == "—" ? "" : c.Replace(" USD", "").Replace("%", "").Replace(",", ""));
            Assert.Equal(string.Join(',', shown), lines[i + 1]);
        }
        Assert.Equal("Alpha Network,3,2,25.00,0.00,25.00,,66.67,8.3333", lines[1]);
        Assert.Equal("Total,5,3,29.00,0.00,29.00,,60,5.80", lines[^1]);

        // Reloading the bookmarked address restores the report.
        await page.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=report-row]").Nth(0).Locator("[data-testid=report-key]")).ToHaveTextAsync("Alpha Network");
        Assert.Equal(table, await TableAsync(page));

        // A new sale shows up without reloading (throttled live refresh).
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/{key}/postback?subid={beta[1]}&status=sale", Ct)).StatusCode);
        await Assertions.Expect(totals.Locator("td[data-metric=revenue]")).ToHaveTextAsync("33.00 USD");

        await ScreenshotsAsync(page);
    }

    /// <summary>Reports, dashboard, offers and campaigns with data, at desktop and phone widths, for a human to look at.</summary>
    private static async Task ScreenshotsAsync(IPage page)
    {
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var (path, name, ready) in new[]
            {
                ("/admin/reports?range=last7days&group=affiliateNetwork,campaign", "reports", "[data-testid=report-table]"),
                ("/admin", "dashboard", "[data-testid=dashboard-cards]"),
                ("/admin/offers", "offers", "[data-testid=offer-stats-today]"),
                ("/admin/campaigns", "campaigns", "[data-testid=campaign-stats-today]"),
            })
            {
                await page.GotoAsync(path);
                await BrowserSession.WaitForCircuitAsync(page);
                await page.Locator(ready).First.WaitForAsync();
                await AssertNoSidewaysScrollAsync(page, $"{name} at {width}px");
                await BrowserSession.ScreenshotAsync(page, $"{name}-{width}");
            }
        }
    }
}
