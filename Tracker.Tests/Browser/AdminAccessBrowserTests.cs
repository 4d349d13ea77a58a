using Microsoft.Playwright;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Tracker.Tests.Browser;

/// <summary>Settings → Admin access by IP address, in Chromium (the browser reaches the tracker from 127.0.0.1).</summary>
public sealed class AdminAccessBrowserTests
{
    [Fact]
    public async Task AListWithoutYourOwnAddressAsksFirstBadEntriesAreNamedAndAddMyAddressSavesDirectly()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        await page.GotoAsync("/admin/settings");
        await BrowserSession.WaitForCircuitAsync(page);
        var panel = page.GetByTestId("admin-access");
        await Expect(panel.GetByTestId("admin-access-your-address")).ToContainTextAsync("127.0.0.1");
        await Expect(panel.GetByTestId("admin-access-state")).ToHaveTextAsync("Any address");
        var list = panel.GetByTestId("admin-access-list");

        await list.FillAsync("203.0.113.0/24\n10.0.0.300");
        await panel.GetByTestId("admin-access-save").ClickAsync();
        await Expect(panel).ToContainTextAsync("'10.0.0.300' is not an IP address");
        await page.Locator(".mud-snackbar").First.WaitForAsync();

        // Valid, but without this browser's address: a confirmation, and Cancel saves nothing.
        await list.FillAsync("203.0.113.0/24");
        await Expect(panel.GetByTestId("admin-access-excludes-you")).ToBeVisibleAsync();
        await TwoFactorBrowserTests.ScreenshotsAsync(page, "settings-admin-access");
        await panel.GetByTestId("admin-access-save").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("127.0.0.1");
        await BrowserSession.ScreenshotAsync(page, "settings-admin-access-confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        Assert.True((await session.App.Service<AdminAccessStore>().GetAsync(TestContext.Current.CancellationToken)).AllowList.IsEmpty);

        // With "Add my address" it saves at once.
        await panel.GetByTestId("admin-access-add-mine").ClickAsync();
        await Expect(list).ToHaveValueAsync("203.0.113.0/24\n127.0.0.1");
        await Expect(panel.GetByTestId("admin-access-excludes-you")).ToHaveCountAsync(0);
        await panel.GetByTestId("admin-access-save").ClickAsync();
        await Expect(panel.GetByTestId("admin-access-state")).ToHaveTextAsync("Restricted: 2 entries");
        Assert.Equal(["203.0.113.0/24", "127.0.0.1"], (await session.App.Service<AdminAccessStore>().GetAsync(TestContext.Current.CancellationToken)).AllowList.Entries);

        // Still allowed: a fresh page load works.
        await page.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("admin-access-state")).ToHaveTextAsync("Restricted: 2 entries");
        await page.GetByTestId("admin-access").ScrollIntoViewIfNeededAsync();
        await TwoFactorBrowserTests.ScreenshotsAsync(page, "settings-admin-access-saved");
    }
}
