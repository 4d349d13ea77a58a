using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Services;
using static Microsoft.Playwright.Assertions;

namespace Tracker.Tests.Browser;

public sealed class SettingsAndAccountPageTests
{
    [Fact]
    public async Task RotatingThePostbackKeyAsksFirstThenShowsTheNewUrl()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        await page.GotoAsync("/admin/settings");
        await BrowserSession.WaitForCircuitAsync(page);
        var oldKey = session.App.Service<SettingsStore>().Current.PostbackKey;
        var urlField = page.GetByTestId("settings-postback-url").Locator("input");
        await Expect(urlField).ToHaveValueAsync($"{session.BaseUrl}/{oldKey}/postback");
        await BrowserSession.ScreenshotAsync(page, "settings");

        // Cancel keeps the key.
        await page.GetByTestId("rotate-postback-key").ClickAsync();
        await Expect(page.GetByText("Networks still calling the old URL are refused")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "settings-rotate-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(urlField).ToHaveValueAsync($"{session.BaseUrl}/{oldKey}/postback");
        Assert.Equal(oldKey, session.App.Service<SettingsStore>().Current.PostbackKey);

        await page.GetByTestId("rotate-postback-key").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate key" }).ClickAsync();
        await Expect(urlField).Not.ToHaveValueAsync($"{session.BaseUrl}/{oldKey}/postback");
        var newKey = session.App.Service<SettingsStore>().Current.PostbackKey;
        Assert.NotEqual(oldKey, newKey);
        await Expect(urlField).ToHaveValueAsync($"{session.BaseUrl}/{newKey}/postback");

        // The copy button puts exactly that URL on the clipboard.
        await page.GetByTestId("settings-postback-url").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByText("Copied")).ToBeVisibleAsync();
        Assert.Equal($"{session.BaseUrl}/{newKey}/postback", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task ChangingThePasswordOnTheAccountPageSignsOutTheOtherBrowserAtOnce()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        var other = await session.LoginAsync("/admin/groups");

        await page.GotoAsync("/admin/account");
        await BrowserSession.WaitForCircuitAsync(page);
        await BrowserSession.ScreenshotAsync(page, "account");
        await page.FillAsync("#current", BrowserSession.AdminPassword);
        await page.FillAsync("#password", "a brand new passphrase");
        await page.FillAsync("#confirm", "a brand new passphrase");
        await page.GetByTestId("change-password").ClickAsync();

        await page.WaitForURLAsync(new Regex("/admin/account\\?changed=true$"));
        await Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();
        await BrowserSession.WaitForCircuitAsync(page);

        // The other browser's open circuit is signed out without any action there.
        await other.WaitForURLAsync(new Regex("/admin/login"), new() { Timeout = 10_000 });
        await Expect(other.Locator("#password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AWrongCurrentPasswordIsReportedOnTheAccountPage()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        await page.GotoAsync("/admin/account");
        await BrowserSession.WaitForCircuitAsync(page);
        await page.FillAsync("#current", "not my password");
        await page.FillAsync("#password", "a brand new passphrase");
        await page.FillAsync("#confirm", "a brand new passphrase");
        await page.GetByTestId("change-password").ClickAsync();
        await Expect(page.GetByTestId("password-error")).ToContainTextAsync("The current password is not correct.");
    }

    [Fact]
    public async Task GroupsPageCreatesAGroupAndShowsItsOfferCount()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        await page.GotoAsync("/admin/groups");
        await BrowserSession.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("groups-empty")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "groups-empty");

        foreach (var name in new[] { "Nutra", "Casino DE", "Dating" })
        {
            await page.GetByTestId("group-new-name").FillAsync(name);
            await page.GetByTestId("group-new-name").PressAsync("Enter");
            await Expect(page.GetByTestId("groups-table")).ToContainTextAsync(name);
        }
        await page.GetByTestId("group-new-name").FillAsync("Nutra");
        await page.GetByTestId("group-create").ClickAsync();
        await Expect(page.GetByText("A group named 'Nutra' already exists.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "groups");
    }
}
