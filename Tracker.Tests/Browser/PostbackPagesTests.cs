using System.Net;
using Microsoft.Playwright;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Postbacks;
using Tracker.Web.Services;

namespace Tracker.Tests.Browser;

/// <summary>The conversions and postback-log pages in Chromium, fed by real postbacks over HTTP.</summary>
public sealed class PostbackPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpStatusCode> PostbackAsync(BrowserSession session, string query)
    {
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var key = session.App.Services.GetService(typeof(SettingsStore)) is SettingsStore s ? s.Current.PostbackKey : "";
        var response = await http.GetAsync($"/{key}/postback?{query}", Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task PostbacksPageShowsTheUrlToCopyThenEveryPostbackLive()
    {
        await using var session = await BrowserSession.StartAsync();
        var services = session.App.Services;
        var now = DateTime.UtcNow;
        var (campaignId, networkId) = await TrackerSeed.BasicsAsync(services, now);
        var offer = await TrackerSeed.OfferAsync(services, networkId, now);
        var click = await TrackerSeed.ClickAsync(services, campaignId, offer, now);
        var page = await session.CreateAdminAsync();

        await page.GotoAsync("/admin/postbacks");
        await BrowserSession.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync("[data-testid=postbacks-empty]");
        var key = ((SettingsStore)services.GetService(typeof(SettingsStore))!).Current.PostbackKey;
        var expectedUrl = $"{session.BaseUrl}/{key}/postback";
        Assert.Equal(expectedUrl, await page.InputValueAsync("[data-testid=postback-url] input"));
        await BrowserSession.ScreenshotAsync(page, "postbacks-empty");

        await page.ClickAsync("[data-testid=postback-url] button[aria-label='Copy Postback URL']");
        await page.WaitForSelectorAsync("text=Copied");
        Assert.Equal(expectedUrl, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // Postbacks arrive while the page is open.
        Assert.Equal(HttpStatusCode.OK, await PostbackAsync(session, $"subid={click.SubId}&status=lead&from=TestNet"));
        Assert.Equal(HttpStatusCode.NotFound, await PostbackAsync(session, "subid=nosuchclick&status=sale"));
        await page.WaitForSelectorAsync("[data-testid=postbacks-table] tbody tr:has-text('unknown subid')");
        await page.WaitForSelectorAsync($"[data-testid=postbacks-table] tbody tr:has-text('{click.SubId}')");
        var createdRow = page.Locator($"[data-testid=postbacks-table] tbody tr:has-text('{click.SubId}')");
        Assert.Contains("created", await createdRow.Locator("[data-testid=postback-outcome-chip]").InnerTextAsync());
        Assert.Contains("TestNet", await createdRow.InnerTextAsync());

        // The raw request is one click away.
        await createdRow.Locator("[data-testid=postback-expand]").ClickAsync();
        var raw = await page.WaitForSelectorAsync("[data-testid=postback-raw]");
        Assert.Contains($"subid={click.SubId}&status=lead&from=TestNet", await raw!.InnerTextAsync());
        await BrowserSession.ScreenshotAsync(page, "postbacks-live");

        // Filter by outcome.
        await page.ClickAsync("[data-testid=postback-outcome] .mud-select-input");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('unknown subid')");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=postbacks-table] tbody [data-testid=postback-outcome-chip]').length === 1");
        Assert.Contains("unknown subid", await page.InnerTextAsync("[data-testid=postbacks-table] tbody"));
    }

    [Fact]
    public async Task ConversionsPageShowsConversionsLiveAndFiltersThem()
    {
        await using var session = await BrowserSession.StartAsync();
        var services = session.App.Services;
        var now = DateTime.UtcNow;
        var (campaignId, networkId) = await TrackerSeed.BasicsAsync(services, now);
        var offer = await TrackerSeed.OfferAsync(services, networkId, now, o => o.Name = "Casino DE");
        var other = await TrackerSeed.OfferAsync(services, networkId, now, o => { o.Name = "Dating AT"; o.PayoutAuto = true; o.Rebills = true; });
        var sale = await TrackerSeed.ClickAsync(services, campaignId, offer, now);
        var lead = await TrackerSeed.ClickAsync(services, campaignId, other, now);
        var page = await session.CreateAdminAsync();

        await page.GotoAsync("/admin/conversions");
        await BrowserSession.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync("[data-testid=conversions-empty]:has-text('No conversions yet')");
        await BrowserSession.ScreenshotAsync(page, "conversions-empty");

        Assert.Equal(HttpStatusCode.OK, await PostbackAsync(session, $"subid={sale.SubId}&status=approved&sale_status=approved"));
        Assert.Equal(HttpStatusCode.OK, await PostbackAsync(session, $"subid={lead.SubId}&status=lead&payout=7.5&tid=a"));
        var saleRow = page.Locator($"[data-testid=conversions-table] tbody tr:has-text('{sale.SubId}')");
        await saleRow.WaitForAsync();
        Assert.Equal("sale", (await saleRow.Locator("[data-testid=conversion-status-chip]").InnerTextAsync()).Trim());
        Assert.Equal("10.00 USD", (await saleRow.Locator("[data-testid=conversion-revenue]").InnerTextAsync()).Trim());
        var saleText = await saleRow.InnerTextAsync();
        Assert.Contains("Casino DE", saleText);
        Assert.Contains("Test network", saleText);
        Assert.Contains("Test campaign", saleText);
        Assert.Contains("approved", saleText);
        Assert.Equal($"/admin/clicks/{sale.SubId}", await saleRow.Locator("[data-testid=conversion-subid]").GetAttributeAsync("href"));

        // A status change and a rebill update the row in place.
        Assert.Equal(HttpStatusCode.OK, await PostbackAsync(session, $"subid={lead.SubId}&status=sale&tid=a"));
        Assert.Equal(HttpStatusCode.OK, await PostbackAsync(session, $"subid={lead.SubId}&status=rebill&payout=2.5&tid=b"));
        var leadRow = page.Locator($"[data-testid=conversions-table] tbody tr:has-text('{lead.SubId}')");
        await Assertions.Expect(leadRow.Locator("[data-testid=conversion-revenue]")).ToHaveTextAsync("10.00 USD");
        Assert.Equal("sale", (await leadRow.Locator("[data-testid=conversion-status-chip]").InnerTextAsync()).Trim());
        await BrowserSession.ScreenshotAsync(page, "conversions-live");

        // Filter by offer.
        await page.ClickAsync("[data-testid=conversion-offer] .mud-select-input");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Dating AT')");
        await Assertions.Expect(page.Locator("[data-testid=conversions-table] tbody [data-testid=conversion-subid]")).ToHaveCountAsync(1);
        Assert.Contains(lead.SubId, await page.InnerTextAsync("[data-testid=conversions-table] tbody"));

        // The postbacks link shows this conversion's postbacks.
        await leadRow.Locator("a[aria-label='Postbacks of this conversion']").ClickAsync();
        await page.WaitForURLAsync($"**/admin/postbacks?subid={lead.SubId}");
        await Assertions.Expect(page.Locator("[data-testid=postbacks-table] tbody [data-testid=postback-outcome-chip]")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task OffersListAndEditorShowTodaysConversionsAgainstTheCap()
    {
        await using var session = await BrowserSession.StartAsync();
        var services = session.App.Services;
        var now = DateTime.UtcNow;
        var (campaignId, networkId) = await TrackerSeed.BasicsAsync(services, now);
        var offer = await TrackerSeed.OfferAsync(services, networkId, now, o =>
        {
            o.Name = "Capped offer";
            o.ConversionCap = new Tracker.Core.Offers.ConversionCap { Enabled = true, DailyLimit = 2, TimeZone = "UTC" };
        });
        var page = await session.CreateAdminAsync();

        await page.GotoAsync("/admin/offers");
        await BrowserSession.WaitForCircuitAsync(page);
        var chip = page.Locator("tr:has-text('Capped offer') [data-testid=cap-today]");
        await Assertions.Expect(chip).ToHaveTextAsync("0 / 2 today");

        // Conversions arriving while the list is open move the count.
        for (var i = 0; i < 2; i++)
        {
            var click = await TrackerSeed.ClickAsync(services, campaignId, offer, now);
            Assert.Equal(HttpStatusCode.OK, await PostbackAsync(session, $"subid={click.SubId}&status=lead"));
        }
        await Assertions.Expect(chip).ToHaveTextAsync("2 / 2 today");
        await Assertions.Expect(chip).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-color-error"));
        await BrowserSession.ScreenshotAsync(page, "offers-cap-today");

        await page.GotoAsync($"/admin/offers/{offer.Id}");
        await BrowserSession.WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=offer-tabs] .mud-tab:has-text('Additional')");
        await Assertions.Expect(page.Locator("[data-testid=cap-today]")).ToHaveTextAsync("2 / 2 today");
    }
}
