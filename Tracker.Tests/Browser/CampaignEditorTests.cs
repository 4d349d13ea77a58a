using Microsoft.Playwright;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;

namespace Tracker.Tests.Browser;

public sealed class CampaignEditorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Offer> SeedOfferAsync(BrowserSession session, string name, string url, params string[] countries)
    {
        var result = await session.App.Service<OfferStore>().CreateAsync(new Offer { Name = name, Url = url, Countries = [.. countries] }, Ct);
        return result.Value!;
    }

    /// <summary>The whole MudBlazor input (label, input, helper or error text) around the input with this test id.</summary>
    private static ILocator FieldOf(IPage page, string testId) =>
        page.Locator($".mud-input-control:has([data-testid='{testId}'])");

    /// <summary>Picks the option containing <paramref name="text"/> from a MudAutocomplete after typing <paramref name="search"/>.</summary>
    private static async Task PickAsync(ILocator input, IPage page, string search, string text)
    {
        await input.ClickAsync();
        await input.FillAsync(search);
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = text }).First;
        await option.ClickAsync();
    }

    /// <summary>
    /// Drags a stream by its handle to the top of the list, as a user does: each dragenter travels to the
    /// server over the circuit, so the drop waits until the drop zone shows its placeholder above the
    /// first row (the server has seen the drag and the new position).
    /// </summary>
    private static async Task DragToTopAsync(IPage page, ILocator handle, ILocator firstRow)
    {
        var from = (await handle.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2 - 10, new MouseMoveOptions { Steps = 5 });
        var placeholder = page.Locator(".mud-dropitem-placeholder:not(.d-none)").First;
        for (var attempt = 0; ; attempt++)
        {
            var to = (await firstRow.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + 8, new MouseMoveOptions { Steps = 5 });
            await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + 2, new MouseMoveOptions { Steps = 3 });
            await Task.Delay(250, Ct);
            if (await placeholder.IsVisibleAsync() && (await placeholder.BoundingBoxAsync())!.Y < (await firstRow.BoundingBoxAsync())!.Y) break;
            Assert.True(attempt < 20, "The drop zone never showed its placeholder above the first stream.");
        }
        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task CampaignWithTwoStreamsIsBuiltInTheEditorAndShowsItsTrackingLink()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        var german = await SeedOfferAsync(session, "Casino DE", "https://network.example/de?o=1", "DE", "AT");
        var world = await SeedOfferAsync(session, "Casino World", "https://network.example/world?o=2");

        await page.GotoAsync("/admin/campaigns");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("campaigns-empty")).ToContainTextAsync("A campaign is the link you put into your ads");
        await BrowserSession.ScreenshotAsync(page, "campaigns-empty");

        await page.GetByTestId("new-campaign").ClickAsync();
        await page.WaitForURLAsync("**/admin/campaigns/new");
        await page.GetByTestId("campaign-name").FillAsync("Summer sale");
        var alias = page.GetByTestId("campaign-alias");
        // The name suggests the alias; typing over it before the suggestion arrives could append to it.
        await Assertions.Expect(alias).ToHaveValueAsync("summer-sale");
        await alias.FillAsync("admin");
        await Assertions.Expect(FieldOf(page, "campaign-alias")).ToContainTextAsync("reserved");
        await alias.FillAsync("Summer-Sale");
        await Assertions.Expect(page.GetByTestId("tracking-url").Locator("input")).ToHaveValueAsync(session.BaseUrl + "/summer-sale");

        // Stream 1: forced, visitors from Germany go to the German offer.
        await BrowserSession.ClickUntilAsync(page.GetByTestId("add-stream"), async () => await page.GetByTestId("stream-row").CountAsync() >= 1, "adding the first stream");
        var first = page.GetByTestId("stream-row").Nth(0);
        await first.GetByTestId("stream-name").FillAsync("Germany");
        await first.GetByTestId("stream-type").GetByText("Forced").ClickAsync();
        await Assertions.Expect(first.GetByTestId("stream-type-help")).ToContainTextAsync("Tried first");
        await first.GetByTestId("add-country-filter").ClickAsync();
        await PickAsync(first.GetByTestId("country-picker"), page, "Germ", "Germany");
        await Assertions.Expect(first.GetByTestId("country-chips")).ToContainTextAsync("DE · Germany");
        await Assertions.Expect(first.GetByTestId("offers-error")).ToContainTextAsync("Add at least one offer");
        await PickAsync(first.GetByTestId("offer-picker"), page, "DE", "Casino DE");
        await Assertions.Expect(first.GetByTestId("stream-offers")).ToContainTextAsync("Casino DE");
        await Assertions.Expect(first.GetByTestId("offers-error")).ToHaveCountAsync(0);

        // Stream 2: regular, everyone else goes to the worldwide offer.
        await BrowserSession.ClickUntilAsync(page.GetByTestId("add-stream"), async () => await page.GetByTestId("stream-row").CountAsync() >= 2, "adding the second stream");
        var second = page.GetByTestId("stream-row").Nth(1);
        await second.GetByTestId("stream-name").FillAsync("Everyone else");
        // Picked again if the first pick was lost while the new row rendered (a loaded machine).
        for (var attempt = 0; attempt < 3 && await second.GetByTestId("stream-offers").CountAsync() == 0; attempt++)
        {
            await PickAsync(second.GetByTestId("offer-picker"), page, "World", "Casino World");
            try { await second.GetByTestId("stream-offers").WaitForAsync(new() { Timeout = 10_000 }); }
            catch (TimeoutException) { }
        }
        await Assertions.Expect(second.GetByTestId("stream-offers")).ToContainTextAsync("100%");
        await BrowserSession.ScreenshotAsync(page, "campaign-editor-new");

        await page.GetByTestId("save-campaign").Last.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/admin/campaigns/\d+$"));
        await Assertions.Expect(page.GetByTestId("editor-title")).ToHaveTextAsync("Summer sale");
        await Assertions.Expect(page.GetByTestId("tracking-url").Locator("input")).ToHaveValueAsync(session.BaseUrl + "/summer-sale");
        await Assertions.Expect(page.GetByTestId("built-url").Locator("input")).ToHaveValueAsync(session.BaseUrl + "/summer-sale?sub_id_1={zone}&cost={cpc}");

        var saved = Assert.Single(await session.App.Service<CampaignStore>().ListAsync(ct: Ct));
        Assert.Equal("summer-sale", saved.Alias);
        Assert.Equal(["Germany", "Everyone else"], saved.Streams.Select(s => s.Name));
        Assert.Equal(StreamType.Forced, saved.Streams[0].Type);
        Assert.Equal(["DE"], Assert.Single(saved.Streams[0].Filters).Values);
        Assert.Equal(german.Id, Assert.Single(saved.Streams[0].Offers).OfferId);
        Assert.Equal(StreamType.Regular, saved.Streams[1].Type);
        Assert.Equal(world.Id, Assert.Single(saved.Streams[1].Offers).OfferId);

        await page.GetByTestId("stream-toggle").First.ClickAsync();
        await BrowserSession.ScreenshotAsync(page, "campaign-editor-saved");
        await page.GetByTestId("stream-toggle").First.ClickAsync();

        // Reorder by dragging the second stream's handle onto the first one, then save.
        await DragToTopAsync(page, page.Locator(".mud-drag-handle").Nth(1), page.GetByTestId("stream-row").Nth(0));
        await Assertions.Expect(page.GetByTestId("stream-title")).ToHaveTextAsync(["Everyone else", "Germany"]);
        await page.GetByTestId("save-campaign").Last.ClickAsync();
        await Assertions.Expect(page.GetByText("version 2")).ToBeVisibleAsync();
        var reordered = (await session.App.Service<CampaignStore>().GetAsync(saved.Id, Ct))!;
        Assert.Equal(["Everyone else", "Germany"], reordered.Streams.Select(s => s.Name));

        await page.GotoAsync("/admin/campaigns");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("campaign-link")).ToHaveTextAsync(session.BaseUrl + "/summer-sale");
        await BrowserSession.ScreenshotAsync(page, "campaigns-list");
    }

    [Fact]
    public async Task SaveInAnotherTabUpdatesAnIdleEditorAndWarnsAnEditorWithChanges()
    {
        await using var session = await BrowserSession.StartAsync();
        var first = await session.CreateAdminAsync();
        var offer = await SeedOfferAsync(session, "Casino", "https://network.example/c");
        var campaign = (await session.App.Service<CampaignStore>().CreateAsync(new Campaign
        {
            Name = "Winter",
            Alias = "winter",
            Streams = [new CampaignStream { Name = "All", Offers = [new StreamOffer { OfferId = offer.Id }] }],
        }, Ct)).Value!;
        var path = $"/admin/campaigns/{campaign.Id}";

        await first.GotoAsync(path);
        await BrowserSession.WaitForCircuitAsync(first);
        var second = await session.LoginAsync(path);

        // An idle editor follows a save made elsewhere.
        await second.GetByTestId("campaign-name").FillAsync("Winter v2");
        await second.GetByTestId("save-campaign").Last.ClickAsync();
        await Assertions.Expect(first.GetByTestId("campaign-name")).ToHaveValueAsync("Winter v2");

        // An editor with unsaved changes is warned instead, and nothing is overwritten silently.
        await first.GetByTestId("campaign-name").FillAsync("Winter from tab one");
        await Assertions.Expect(first.GetByTestId("unsaved-changes")).ToBeVisibleAsync();
        await second.GetByTestId("campaign-uniqueness").FillAsync("48");
        await second.GetByTestId("save-campaign").Last.ClickAsync();
        var banner = first.GetByTestId("conflict-banner");
        await Assertions.Expect(banner).ToContainTextAsync("changed in another tab/by the API (now version 3)");
        await Assertions.Expect(banner).ToContainTextAsync("Their save changed: uniqueness window");
        await Assertions.Expect(banner).ToContainTextAsync("your edits (name) on top of their version");
        await BrowserSession.ScreenshotAsync(first, "campaign-editor-conflict");
        Assert.Equal("Winter v2", (await session.App.Service<CampaignStore>().GetAsync(campaign.Id, Ct))!.Name);

        await first.GetByTestId("conflict-overwrite").ClickAsync();
        await Assertions.Expect(first.GetByTestId("conflict-banner")).ToHaveCountAsync(0);
        var stored = (await session.App.Service<CampaignStore>().GetAsync(campaign.Id, Ct))!;
        // Overwrite lays only our edit (the name) on their version: their uniqueness window stays.
        Assert.Equal(("Winter from tab one", 48, 4), (stored.Name, stored.UniquenessHours, stored.Version));
        await Assertions.Expect(first.GetByTestId("unsaved-changes")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ArchiveAndDeleteAskFirstAndACampaignWithClicksCanOnlyBeArchived()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        var store = session.App.Service<CampaignStore>();
        var unused = (await store.CreateAsync(new Campaign { Name = "Unused", Alias = "unused" }, Ct)).Value!;
        var used = (await store.CreateAsync(new Campaign { Name = "Used", Alias = "used" }, Ct)).Value!;
        await using (var db = await session.App.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<Tracker.Web.Data.TrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            db.Clicks.Add(new Tracker.Core.Clicks.Click { SubId = "k0k0k0k0k0", CampaignId = used.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        // Cancelling the confirmation changes nothing.
        await page.GotoAsync($"/admin/campaigns/{unused.Id}");
        await BrowserSession.WaitForCircuitAsync(page);
        await page.GetByTestId("delete-campaign").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("This cannot be undone");
        await BrowserSession.ScreenshotAsync(page, "campaign-delete-confirm");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        Assert.NotNull(await store.GetAsync(unused.Id, Ct));

        await page.GetByTestId("delete-campaign").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/campaigns");
        Assert.Null(await store.GetAsync(unused.Id, Ct));

        // A campaign with recorded clicks: deleting is refused with the way out offered.
        await page.GotoAsync($"/admin/campaigns/{used.Id}");
        await BrowserSession.WaitForCircuitAsync(page);
        await page.GetByTestId("delete-campaign").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("archive it instead");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Archive" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("restore-campaign")).ToBeVisibleAsync();
        Assert.Equal(ItemState.Archived, (await store.GetAsync(used.Id, Ct))!.State);
    }
}
