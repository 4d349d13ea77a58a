using Microsoft.Playwright;
using Tracker.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Tracker.Tests.Browser;

public sealed class NetworksPageTests
{
    [Fact]
    public async Task NetworkCreatedFromTheCatalogueAppearsInTheList()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        await OpenNetworksAsync(page);
        await Expect(page.GetByTestId("networks-empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("tracker-postback-url").Locator("input")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + session.BaseUrl + "/[a-z0-9]+/postback$"));
        await BrowserSession.ScreenshotAsync(page, "networks-empty");

        await page.GetByTestId("new-from-template").ClickAsync();
        await page.GetByTestId("template-search").FillAsync("maxbounty");
        await Expect(page.Locator(".template-item")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(page, "network-template-picker");
        await page.GetByTestId("template-maxbounty").ClickAsync();

        // The editor opens filled from the template, with the network's own postback URL ready to copy.
        await Expect(page.GetByTestId("network-name")).ToHaveValueAsync("MaxBounty");
        await Expect(page.GetByTestId("network-offer-parameters")).ToHaveValueAsync("&s2={subid}");
        await Expect(page.GetByTestId("network-postback-url").Locator("input")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/postback\?subid=#S2#&payout=#RATE#&currency=USD&from=MaxBounty$"));
        await Expect(page.GetByTestId("subid-warning")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "network-editor");
        await page.GetByTestId("network-save").ClickAsync();

        var row = page.GetByTestId("networks-table").Locator("tr", new() { HasText = "MaxBounty" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("&s2={subid}");
        await BrowserSession.ScreenshotAsync(page, "networks-list");
    }

    [Fact]
    public async Task NetworkListUpdatesLiveInAnotherBrowserWhenANetworkIsCreated()
    {
        await using var session = await BrowserSession.StartAsync();
        var first = await session.CreateAdminAsync();
        var second = await session.LoginAsync("/admin/networks");
        await Expect(second.GetByTestId("networks-empty")).ToBeVisibleAsync();

        await OpenNetworksAsync(first);
        await first.GetByTestId("new-network").ClickAsync();
        await first.GetByTestId("network-name").FillAsync("Live Network");
        await first.GetByTestId("network-offer-parameters").FillAsync("&aff_sub={subid}");
        await first.GetByTestId("network-save").ClickAsync();
        await Expect(first.GetByTestId("networks-table")).ToContainTextAsync("Live Network");

        // No reload in the second browser: the row arrives over its circuit.
        await Expect(second.GetByTestId("networks-table")).ToContainTextAsync("Live Network", new() { Timeout = 5_000 });
        await Expect(second.GetByTestId("networks-table")).ToContainTextAsync("&aff_sub={subid}");
    }

    [Fact]
    public async Task EditorWarnsWhileOfferParametersLackTheSubidAndRefusesAnEmptyName()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        await OpenNetworksAsync(page);
        await page.GetByTestId("new-network").ClickAsync();

        await Expect(page.GetByTestId("subid-warning")).ToBeVisibleAsync();
        await page.GetByTestId("network-offer-parameters").FillAsync("&sub1=");
        await Expect(page.GetByTestId("subid-warning")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "network-editor-subid-warning");
        await page.GetByTestId("network-offer-parameters").FillAsync("&sub1={subid}");
        await Expect(page.GetByTestId("subid-warning")).ToHaveCountAsync(0);

        await page.GetByTestId("network-save").ClickAsync();
        await Expect(page.GetByTestId("network-dialog")).ToContainTextAsync("Give the network a name.");
    }

    private static async Task OpenNetworksAsync(IPage page)
    {
        await page.GotoAsync("/admin/networks");
        await BrowserSession.WaitForCircuitAsync(page);
    }
}
