using System.Text.Json;
using Microsoft.Playwright;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;

namespace Tracker.Tests.Browser;

/// <summary>The acceptance test for offers, in real Chromium against the real host.</summary>
public sealed class OfferEditorBrowserTests
{
    /// <summary>How long another tab may take to show a change: the spec says "within a second"; CI machines are slow.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfferCreatedAcrossAllThreeTabsAppearsLiveInASecondBrowser()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();

        // A second browser (its own login) watches the offers list the whole time and never reloads.
        var watcher = await session.LoginAsync("/admin/offers");
        await Assertions.Expect(watcher.Locator("[data-testid=offers-empty]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(watcher, "offers-empty");

        // The networks page is another feature: the network is created the way it would save a catalogue template.
        var template = LoadTemplate("3SNet.co");
        var network = (await session.App.Service<NetworkStore>().CreateAsync(new AffiliateNetwork { Name = template.Name, OfferParameters = template.Parameters, TemplateKey = "3snet_co" }, Ct)).Value!;
        var group = (await session.App.Service<GroupStore>().CreateAsync("Casino", Ct)).Value!;
        await SeedNeighboursAsync(session, network.Id, group.Id);
        await Assertions.Expect(watcher.Locator("[data-testid=offer-row]")).ToHaveCountAsync(3, new() { Timeout = 5_000 });

        await page.GotoAsync("/admin/offers");
        await BrowserSession.WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=new-offer]");
        await page.WaitForURLAsync("**/admin/offers/new");

        // Main tab
        await page.FillAsync("#offer-name", "Casino DE");
        await page.FillAsync("#offer-url", "https://3snet.example/click?o=77&lp={sub_id_1}");
        await Assertions.Expect(page.Locator("[data-testid=subid-warning]")).ToBeVisibleAsync();
        await ChooseAsync(page, "[data-testid=offer-network]", "3SNet.co");
        await Assertions.Expect(page.Locator("[data-testid=subid-warning]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=url-preview-template]")).ToHaveTextAsync("https://3snet.example/click?o=77&lp={sub_id_1}&sub1={subid}");
        await ChooseAsync(page, "[data-testid=offer-redirect]", "Meta refresh");
        await Assertions.Expect(page.Locator("[data-testid=redirect-explanation]")).ToContainTextAsync("meta refresh");
        await BrowserSession.ScreenshotAsync(page, "offer-editor-main");
        await page.ClickAsync("button[aria-label='Show the macros']");
        await Assertions.Expect(page.Locator("[data-testid=macro-help]")).ToContainTextAsync("{subid}");
        await page.WaitForFunctionAsync("() => getComputedStyle(document.querySelector('[data-testid=macro-help]').closest('.mud-popover')).opacity === '1'");
        await BrowserSession.ScreenshotAsync(page, "offer-editor-macros");
        await page.ClickAsync("button[aria-label='Close the macro list']");

        // Additional tab
        await page.ClickAsync(".mud-tab:has-text('Additional')");
        await Assertions.Expect(page.Locator(".mud-tab-active")).ToContainTextAsync("Additional");
        await ChooseAsync(page, "[data-testid=offer-group]", "Casino");
        await page.FillAsync("#offer-country-search", "Germ");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Germany (DE)" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=offer-countries] [data-country=DE]")).ToBeVisibleAsync();
        await page.FillAsync("#offer-country-search", "Austria");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Austria (AT)" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=offer-countries] [data-country=AT]")).ToBeVisibleAsync();
        await page.FillAsync("#offer-payout-value", "12.5");
        await ChooseAsync(page, "[data-testid=offer-payout-currency]", "EUR — Euro");
        await page.Locator("input[data-testid=offer-rebills]").CheckAsync();
        await page.Locator("input[data-testid=offer-cap-enabled]").CheckAsync();
        await page.FillAsync("#offer-cap-daily", "50");
        await page.FillAsync("#offer-cap-time-zone", "Berlin");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Europe/Berlin" }).ClickAsync();
        await page.FillAsync("#offer-cap-alternative", "backup");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Casino AT backup" }).ClickAsync();
        await page.Locator("h6:has-text('Payout')").ClickAsync(); // close any popover before the screenshot
        await BrowserSession.ScreenshotAsync(page, "offer-editor-additional");

        // Notes tab
        await page.ClickAsync(".mud-tab:has-text('Notes')");
        await Assertions.Expect(page.Locator(".mud-tab-active")).ToContainTextAsync("Notes");
        await page.FillAsync("#offer-notes", "Manager: Anna (Telegram @anna_3snet). Payout rises to 14 EUR from December.");
        await BrowserSession.ScreenshotAsync(page, "offer-editor-notes");

        // A save click sent while the page re-rendered was lost once in a loaded suite: click again if the list has not opened after 10 s.
        var list = session.BaseUrl + "/admin/offers";
        await BrowserSession.ClickUntilAsync(page.Locator("[data-testid=offer-save-close]"), () => Task.FromResult(page.Url == list), "saving the offer");
        await page.WaitForURLAsync(list);

        // The watcher sees the new offer without reloading.
        var row = watcher.Locator("[data-testid=offer-row]", new() { HasText = "Casino DE" });
        await Assertions.Expect(row).ToBeVisibleAsync(Live);
        await Assertions.Expect(watcher.Locator("[data-testid=offer-row]")).ToHaveCountAsync(4);
        await BrowserSession.ScreenshotAsync(watcher, "offers-list");

        var saved = (await session.App.Service<OfferStore>().ListAsync(new OfferQuery(Search: "Casino DE"), Ct)).Items.Single();
        Assert.Equal(network.Id, saved.AffiliateNetworkId);
        Assert.Equal(RedirectType.Meta, saved.RedirectType);
        Assert.Equal("https://3snet.example/click?o=77&lp={sub_id_1}", saved.Url);
        Assert.Equal(group.Id, saved.GroupId);
        Assert.Equal(["AT", "DE"], saved.Countries);
        Assert.Equal(12_500_000, saved.PayoutMicros);
        Assert.Equal("EUR", saved.PayoutCurrency);
        Assert.True(saved.Rebills);
        Assert.Equal(new ConversionCap { Enabled = true, DailyLimit = 50, TimeZone = "Europe/Berlin", AlternativeOfferId = saved.ConversionCap.AlternativeOfferId }, saved.ConversionCap);
        Assert.Equal("Casino AT backup", (await session.App.Service<OfferStore>().GetAsync(saved.ConversionCap.AlternativeOfferId!.Value, Ct))!.Name);
        Assert.StartsWith("Manager: Anna", saved.Notes);

        // Reopened, the editor shows what was saved: a screenshot for the README.
        await watcher.ClickAsync("[data-testid=offer-row] a:has-text('Casino DE')");
        await Assertions.Expect(watcher.Locator("#offer-name")).ToHaveValueAsync("Casino DE");
        await BrowserSession.ScreenshotAsync(watcher, "offer-editor-reopened");
    }

    [Fact]
    public async Task SecondEditorOfTheSameOfferGetsTheConflictBannerAndNeverOverwritesSilently()
    {
        await using var session = await BrowserSession.StartAsync();
        var first = await session.CreateAdminAsync();
        var offers = session.App.Service<OfferStore>();
        var offer = (await offers.CreateAsync(new Offer { Name = "Casino DE", Url = "https://net.example/click?o=77&s={subid}" }, Ct)).Value!;
        var path = $"/admin/offers/{offer.Id}";
        await first.GotoAsync(path);
        await BrowserSession.WaitForCircuitAsync(first);
        var second = await session.LoginAsync(path);

        await first.FillAsync("#offer-name", "Casino DE (first tab)");
        await second.FillAsync("#offer-name", "Casino DE (second tab)");
        await first.ClickAsync("[data-testid=offer-save]");
        await Assertions.Expect(first.Locator("[data-testid=unsaved-changes]")).ToHaveCountAsync(0);

        // The second editor is told at once, and saving anyway does not overwrite the first tab's save.
        var banner = second.Locator("[data-testid=conflict-banner]");
        await Assertions.Expect(banner).ToBeVisibleAsync(Live);
        await Assertions.Expect(banner).ToContainTextAsync("This offer was changed in another tab/by the API");
        await second.ClickAsync("[data-testid=offer-save]");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByTestId("conflict-save-blocked")).ToContainTextAsync("Choose first");
        Assert.Equal("Casino DE (first tab)", (await offers.GetAsync(offer.Id, Ct))!.Name);
        await BrowserSession.ScreenshotAsync(second, "offer-editor-conflict");

        // Overwrite is the explicit choice to put the second tab's edit on top of the first tab's version.
        await second.ClickAsync("[data-testid=conflict-overwrite]");
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        var stored = (await offers.GetAsync(offer.Id, Ct))!;
        Assert.Equal("Casino DE (second tab)", stored.Name);
        Assert.Equal(3, stored.Version);

        // ...and the first tab, which has no edits since its save, simply shows the new version: nothing to ask about.
        await Assertions.Expect(first.Locator("#offer-name")).ToHaveValueAsync("Casino DE (second tab)", new() { Timeout = 5_000 });
        await Assertions.Expect(first.Locator("[data-testid=conflict-banner]")).ToHaveCountAsync(0);
    }

    /// <summary>Opens a MudSelect wrapped in <paramref name="wrapper"/> and picks the item with that text.</summary>
    private static async Task ChooseAsync(IPage page, string wrapper, string itemText)
    {
        await page.Locator(wrapper + " .mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = itemText }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task SeedNeighboursAsync(BrowserSession session, int networkId, int groupId)
    {
        var offers = session.App.Service<OfferStore>();
        foreach (var (name, countries, payout, currency) in new[] { ("Casino AT backup", "AT", 9_000_000L, "EUR"), ("Dating US", "US", 4_200_000L, "USD"), ("Sweepstakes UK", "GB", 1_500_000L, "GBP") })
        {
            var result = await offers.CreateAsync(new Offer
            {
                Name = name, Url = "https://3snet.example/click?o=" + name.Length, AffiliateNetworkId = networkId, GroupId = name.StartsWith("Casino", StringComparison.Ordinal) ? groupId : null,
                Countries = [countries], PayoutMicros = payout, PayoutCurrency = currency,
            }, Ct);
            Assert.Equal(SaveOutcome.Saved, result.Outcome);
        }
    }

    /// <summary>A real network's name and offer parameters from the catalogue shipped with the tests.</summary>
    private static (string Name, string Parameters) LoadTemplate(string displayName)
    {
        var path = Infrastructure.TestData.NetworkTemplatesPath;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var t = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("display_name").GetString() == displayName);
        return (displayName, t.GetProperty("offer_params_template").GetString()!);
    }
}
