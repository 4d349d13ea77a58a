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
}
