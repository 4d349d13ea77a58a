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

public sealed class ClicksViewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Writes a click and announces it the way the click recorder does after each committed batch.</summary>
    private static async Task<Click> RecordAsync(BrowserSession session, Click click)
    {
        await using (var db = await session.App.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            db.Clicks.Add(click);
            await db.SaveChangesAsync(Ct);
        }
        session.App.Service<ChangeFeed>().Publish(new ChangeNotice(ChangeNotice.Click, click.Id, 1));
        return click;
    }

    [Fact]
    public async Task RecordedClickAppearsLiveAndItsDetailsShowTheTrace()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        var offer = (await session.App.Service<OfferStore>().CreateAsync(new Offer { Name = "Casino DE", Url = "https://network.example/de" }, Ct)).Value!;
        var campaign = (await session.App.Service<CampaignStore>().CreateAsync(new Campaign
        {
            Name = "Summer sale",
            Alias = "summer",
            Streams = [new CampaignStream { Name = "Germany", Type = StreamType.Forced, Filters = [new StreamFilter { Values = ["DE"] }], Offers = [new StreamOffer { OfferId = offer.Id }] }],
        }, Ct)).Value!;

        await page.GotoAsync("/admin/clicks");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("clicks-empty")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "clicks-empty");

        var clickedAt = DateTime.UtcNow;
        var click = await RecordAsync(session, new Click
        {
            SubId = SubId.New(clickedAt),
            CreatedAt = clickedAt,
            CampaignId = campaign.Id,
            StreamId = campaign.Streams[0].Id,
            OfferId = offer.Id,
            Country = "DE",
            Ip = "198.51.100.23",
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140",
            Referrer = "https://news.example/",
            Language = "de-DE",
            IsUnique = true,
            Parameters = new() { ["sub_id_1"] = "zone-17", ["cost"] = "0.05" },
            Trace = ["Forced stream 'Germany': country DE is in [DE] → match", "Offer 'Casino DE' chosen: only offer in the stream"],
        });

        // No reload: the page follows the change feed.
        var row = page.GetByTestId("click-row").First;
        await Assertions.Expect(row).ToContainTextAsync(click.SubId);
        await Assertions.Expect(row).ToContainTextAsync("Summer sale");
        await Assertions.Expect(row).ToContainTextAsync("Germany");
        await Assertions.Expect(row).ToContainTextAsync("Casino DE");
        await Assertions.Expect(row).ToContainTextAsync("198.51.100.23");
        await BrowserSession.ScreenshotAsync(page, "clicks-list");

        await page.GetByTestId("subid-search").FillAsync("no-such-subid");
        await Assertions.Expect(page.GetByTestId("clicks-none")).ToContainTextAsync("No click has the subid");
        await page.GetByTestId("subid-search").FillAsync(click.SubId.ToUpperInvariant());
        await Assertions.Expect(page.GetByTestId("click-row")).ToHaveCountAsync(1);

        await page.GetByTestId("click-subid").First.ClickAsync();
        await page.WaitForURLAsync($"**/admin/clicks/{click.SubId}");
        await Assertions.Expect(page.GetByTestId("click-trace")).ToContainTextAsync("country DE is in [DE]");
        await Assertions.Expect(page.GetByTestId("click-parameters")).ToContainTextAsync("zone-17");
        await Assertions.Expect(page.GetByTestId("click-visitor")).ToContainTextAsync("Chrome/140");
        await Assertions.Expect(page.GetByTestId("click-conversion-link")).ToHaveAttributeAsync("href", $"/admin/conversions?subid={click.SubId}");
        await BrowserSession.ScreenshotAsync(page, "click-details");
    }
}
