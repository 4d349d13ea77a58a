using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Tracker.Core.Campaigns;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Services;

namespace Tracker.Tests.Browser;

/// <summary>
/// Every admin page at phone width (390×844) and desktop width (1440×900), with real data on it: no sideways
/// scroll of the page and no header elements on top of each other. Screenshots of every page at both widths
/// are written to the test output's screenshots/layout folder for a person to look at.
/// </summary>
public sealed class ResponsiveLayoutBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Runs in the page: the page's own sideways overflow, and every pair of visible header controls (the app
    /// bar, the page's first block and table toolbars: title, description, search, filters, buttons) or of
    /// buttons anywhere on the page whose boxes overlap.
    /// </summary>
    private const string LayoutProbe = """
        () => {
          const doc = document.documentElement;
          const roots = [document.querySelector('.mud-appbar'), document.querySelector('.mud-main-content .mud-container > :first-child'), ...document.querySelectorAll('.page-header, .mud-table-toolbar')].filter(Boolean);
          const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none' && e.closest('[hidden], .mud-tabs-panels > div[style*="display: none"]') === null; };
          let items = [];
          for (const root of new Set(roots)) items.push(...root.querySelectorAll('button, a[href], input, .mud-typography, .mud-chip, .mud-input-control, .mud-select'));
          // Buttons anywhere on the page (pagers, row actions, dialogs' footers) must not sit on each other either.
          items.push(...document.querySelectorAll('.mud-main-content button'));
          items = [...new Set(items)].filter(visible);
          // Leaves only: a title inside a button, or an input inside its control, is not an overlap.
          items = items.filter(e => !items.some(o => o !== e && e.contains(o)));
          const describe = e => (e.tagName.toLowerCase() + (e.dataset.testid ? '[' + e.dataset.testid + ']' : '') + ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '"');
          const overlaps = [];
          for (let i = 0; i < items.length; i++)
            for (let j = i + 1; j < items.length; j++) {
              const a = items[i].getBoundingClientRect(), b = items[j].getBoundingClientRect();
              const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (w > 2 && h > 2) overlaps.push(describe(items[i]) + ' overlaps ' + describe(items[j]));
            }
          // Tables that scroll sideways inside their own box: the page does not, but a column is out of sight.
          const sideways = [...document.querySelectorAll('.mud-main-content .mud-table-container, .mud-main-content .report-table-scroll')]
            .filter(e => visible(e) && e.scrollWidth > e.clientWidth + 1)
            .map(e => (e.closest('[data-testid]')?.dataset.testid ?? 'table') + ' ' + e.scrollWidth + 'px in ' + e.clientWidth + 'px');
          // Buttons whose own label is cut off (a toggle squeezed by a search box next to it).
          const clipped = [...document.querySelectorAll('.mud-main-content button')]
            .filter(b => visible(b) && b.innerText.trim().length > 0 && b.scrollWidth > b.clientWidth + 1)
            .map(b => describe(b) + ' ' + b.scrollWidth + 'px of label in ' + b.clientWidth + 'px');
          return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, overlaps, sideways, clipped };
        }
        """;

    [Fact]
    public async Task EveryAdminPageFitsAPhoneWithoutSidewaysScrollOrOverlappingHeaders()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        var (offerId, campaignId, subId) = await SeedAsync(session);

        string[] paths =
        [
            "/admin", "/admin/reports", "/admin/campaigns", "/admin/campaigns/new", $"/admin/campaigns/{campaignId}",
            "/admin/offers", "/admin/offers/new", $"/admin/offers/{offerId}", "/admin/networks", "/admin/groups",
            "/admin/clicks", $"/admin/clicks/{subId}", "/admin/conversions", "/admin/postbacks", "/admin/settings", "/admin/account",
        ];
        var problems = new List<string>();
        foreach (var (width, height) in new[] { (390, 844), (1440, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                await BrowserSession.WaitForCircuitAsync(page);
                // Lists fill in after the circuit starts: wait until no progress bar is left.
                await Assertions.Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
                var layout = await page.EvaluateAsync<JsonElement>(LayoutProbe);
                var (scrollWidth, clientWidth) = (layout.GetProperty("scrollWidth").GetInt32(), layout.GetProperty("clientWidth").GetInt32());
                if (scrollWidth > clientWidth)
                    problems.Add($"{path} at {width}px scrolls sideways: {scrollWidth}px of content in {clientWidth}px.");
                problems.AddRange(layout.GetProperty("overlaps").EnumerateArray().Select(o => $"{path} at {width}px: {o.GetString()}"));
                problems.AddRange(layout.GetProperty("clipped").EnumerateArray().Select(b => $"{path} at {width}px: a button's label is cut off: {b.GetString()}."));
                // The lists show their columns without sideways scrolling at desktop width with the drawer open,
                // and the clicks list (cards on phones) at both widths; only a report with many columns may scroll.
                if (path != "/admin/reports" && (width == 1440 || path == "/admin/clicks"))
                    problems.AddRange(layout.GetProperty("sideways").EnumerateArray().Select(t => $"{path} at {width}px: a table scrolls sideways ({t.GetString()})."));
                await ScreenshotAsync(page, $"{Name(path)}-{width}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task LoginAndSetupFitAPhone()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/admin/setup");
        await ScreenshotAsync(page, "setup-390");
        // A plain form drawn like the admin: its blue bar with the product's name, a card, and what happens next.
        await Assertions.Expect(page.Locator(".account-bar .account-product")).ToHaveTextAsync("Tracker");
        Assert.Equal("rgb(30, 90, 168)", await page.EvalOnSelectorAsync<string>(".account-bar", "e => getComputedStyle(e).backgroundColor"));
        await Assertions.Expect(page.Locator(".account-lead")).ToContainTextAsync("Create the one admin account");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));

        var admin = await session.CreateAdminAsync();
        await admin.Context.ClearCookiesAsync();
        await admin.SetViewportSizeAsync(390, 844);
        await admin.GotoAsync("/admin/login");
        await ScreenshotAsync(admin, "login-390");
        await Assertions.Expect(admin.Locator(".account-bar .account-product")).ToHaveTextAsync("Tracker");
        await Assertions.Expect(admin.Locator(".account-lead")).ToContainTextAsync("you go on to the page you asked for");
        Assert.True(await admin.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await admin.SetViewportSizeAsync(1440, 900);
        await ScreenshotAsync(admin, "login-1440");
    }

    private static string Name(string path) =>
        path == "/admin" ? "dashboard" : path["/admin/".Length..].Replace('/', '-');

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots", "layout");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    /// <summary>A network, a group, an offer, a campaign, a real click through the tracker and a real postback for it.</summary>
    private static async Task<(int OfferId, int CampaignId, string SubId)> SeedAsync(BrowserSession session)
    {
        var network = (await session.App.Service<NetworkStore>().CreateAsync(new AffiliateNetwork { Name = "CPA House International", OfferParameters = "&sub1={subid}" }, Ct)).Value!;
        var group = (await session.App.Service<GroupStore>().CreateAsync("Casino and betting, Europe", Ct)).Value!;
        var offer = (await session.App.Service<OfferStore>().CreateAsync(new Offer
        {
            Name = "Casino Deutschland — welcome bonus 2026 with a long name",
            Url = "https://offers.example/click?o=77&lp=landing-page-with-a-long-name",
            AffiliateNetworkId = network.Id,
            GroupId = group.Id,
            PayoutAuto = true,
            Countries = ["DE", "AT", "CH"],
        }, Ct)).Value!;
        var campaign = (await session.App.Service<CampaignStore>().CreateAsync(new Campaign
        {
            Name = "Winter campaign for German-speaking countries",
            Alias = "winter-dach",
            Streams = [new CampaignStream { Name = "Everyone", Offers = [new StreamOffer { OfferId = offer.Id }] }],
        }, Ct)).Value!;

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(session.BaseUrl) };
        var click = await http.GetAsync("/winter-dach?source=layout-test&keyword=a-rather-long-keyword-for-the-click-list", Ct);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        var subId = System.Web.HttpUtility.ParseQueryString(click.Headers.Location!.Query)["sub1"]!;
        var postback = session.App.Service<SettingsStore>().PostbackUrl(session.BaseUrl);
        var booked = await http.GetAsync($"{postback}?subid={subId}&status=sale&payout=52.92&currency=USD", Ct);
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync(Ct));
        return (offer.Id, campaign.Id, subId);
    }
}
