using Microsoft.Playwright;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Browser;

public sealed class AdminShellTests
{
    [Fact]
    public async Task NewAdminCreatesAccountAndLandsOnInteractiveDashboard()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        Assert.Equal(BrowserSession.AdminUser, (await page.InnerTextAsync("[data-testid=current-user]")).Trim());
        await BrowserSession.ScreenshotAsync(page, "dashboard");

        // A second browser logs in with the same account and reaches the same page.
        var second = await session.LoginAsync();
        Assert.Contains("Dashboard", await second.InnerTextAsync("h4"));
    }

    [Fact]
    public async Task DarkModeIsRememberedAcrossAReload()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        var toggle = page.Locator("button[aria-label='Toggle dark mode']");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-dark", "off");
        var lightBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-dark", "on");
        await page.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(page);

        await Assertions.Expect(page.Locator("button[aria-label='Toggle dark mode']")).ToHaveAttributeAsync("data-dark", "on");
        await page.WaitForFunctionAsync("light => getComputedStyle(document.body).backgroundColor !== light", lightBackground);
        await BrowserSession.ScreenshotAsync(page, "dashboard-dark");
    }
}
