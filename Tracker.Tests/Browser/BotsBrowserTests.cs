using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Core.Security;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Data;
using Tracker.Web.Live;

namespace Tracker.Tests.Browser;

/// <summary>Bots in the admin: a chip and a filter in the clicks list, the reason on the click, the bot filter in the stream editor.</summary>
public sealed class BotsBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BotsAreMarkedAndFilterableInTheClicksListAndTheStreamEditorOffersTheBotFilter()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        var offer = (await session.App.Service<OfferStore>().CreateAsync(new Offer { Name = "Casino DE", Url = "https://network.example/de" }, Ct)).Value!;
        var campaign = (await session.App.Service<CampaignStore>().CreateAsync(new Campaign
        {
            Name = "Summer sale",
            Alias = "summer",
            Streams = [new CampaignStream { Name = "Everyone", Type = StreamType.Regular, Offers = [new StreamOffer { OfferId = offer.Id }] }],
        }, Ct)).Value!;
        var clickedAt = DateTime.UtcNow;
        Click NewClick(string ip, BotReason reason) => new()
        {
            SubId = SubId.New(clickedAt), CreatedAt = clickedAt, CampaignId = campaign.Id, StreamId = campaign.Streams[0].Id,
            OfferId = offer.Id, Country = "DE", Ip = ip, UserAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140", IsUnique = true, BotReason = reason,
            Trace = [reason == BotReason.None ? "A person." : "Bot: the address is in the datacenter range 3.0.0.0/9 (list bundled datacenter-ranges.txt)."],
        };
        var person = NewClick("85.214.132.117", BotReason.None);
        var bot = NewClick("3.120.5.17", BotReason.DatacenterIp);
        await using (var db = await session.App.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            db.Clicks.AddRange(person, bot);
            await db.SaveChangesAsync(Ct);
        }
        session.App.Service<ChangeFeed>().Publish(new ChangeNotice(ChangeNotice.Click, bot.Id, 1));

        await page.GotoAsync("/admin/clicks");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("click-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("bot-chip")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("click-row").Filter(new() { HasText = bot.SubId }).GetByTestId("bot-chip")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "bots-clicks-list");

        await page.GetByTestId("traffic-filter").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Bots only" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("click-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("click-row")).ToContainTextAsync(bot.SubId);
        await page.WaitForURLAsync("**/admin/clicks?traffic=bots");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.ScreenshotAsync(page, "bots-clicks-list-390");
        await page.SetViewportSizeAsync(1440, 900);

        await page.GetByTestId("click-subid").First.ClickAsync();
        await page.WaitForURLAsync($"**/admin/clicks/{bot.SubId}");
        await Assertions.Expect(page.GetByTestId("click-bot")).ToContainTextAsync("bot: datacenter IP address");
        await Assertions.Expect(page.GetByTestId("click-trace")).ToContainTextAsync("3.0.0.0/9");
        await BrowserSession.ScreenshotAsync(page, "bots-click-details");

        await page.GotoAsync($"/admin/campaigns/{campaign.Id}");
        await BrowserSession.WaitForCircuitAsync(page);
        await page.GetByTestId("stream-toggle").First.ClickAsync();
        await page.GetByTestId("add-bot-filter").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bot-filter-help")).ToContainTextAsync("The stream takes only bots");
        await Assertions.Expect(page.GetByTestId("stream-summary")).ToContainTextAsync("bots only");
        await BrowserSession.ScreenshotAsync(page, "bots-stream-filter");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.ScreenshotAsync(page, "bots-stream-filter-390");
    }
}
