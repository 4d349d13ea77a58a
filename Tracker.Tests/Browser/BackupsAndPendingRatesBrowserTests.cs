using Microsoft.Playwright;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Postbacks;
using Tracker.Web.Services;
using static Microsoft.Playwright.Assertions;

namespace Tracker.Tests.Browser;

public sealed class BackupsAndPendingRatesBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BackUpNowListsACheckedBackupTheAdminCanDownload()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("/admin/settings");
        await BrowserSession.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("backups-empty")).ToBeVisibleAsync();

        await page.GetByTestId("backup-now").ClickAsync();

        var row = page.GetByTestId("backup-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("on demand");
        await Expect(row).ToContainTextAsync("ok");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("backup-download").ClickAsync());
        Assert.Matches(@"^tracker-\d{8}-\d{6}-manual\.db$", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.db");
        await download.SaveAsAsync(saved);
        Assert.StartsWith("SQLite format 3", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(saved, Ct))[..15]));
        File.Delete(saved);

        await page.GetByTestId("backups-panel").ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotAsync(page, "settings-backups");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.ScreenshotAsync(page, "settings-backups-narrow");
    }

    [Fact]
    public async Task AConversionWaitingForARateIsShownAndAddingTheRateInSettingsConvertsIt()
    {
        await using var session = await BrowserSession.StartAsync();
        var services = session.App.Services;
        var now = DateTime.UtcNow;
        var (campaignId, networkId) = await TrackerSeed.BasicsAsync(services, now);
        var offer = await TrackerSeed.OfferAsync(services, networkId, now, o => o.PayoutAuto = true);
        var click = await TrackerSeed.ClickAsync(services, campaignId, offer, now, null);
        using (var network = new HttpClient { BaseAddress = new Uri(session.BaseUrl) })
        {
            var key = session.App.Service<SettingsStore>().Current.PostbackKey;
            var answer = await network.GetAsync($"/{key}/postback?subid={click.SubId}&payout=25&currency=BRL", Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        }
        var page = await session.CreateAdminAsync();
        await page.SetViewportSizeAsync(1440, 900);

        await page.GotoAsync("/admin/conversions");
        await BrowserSession.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("conversion-awaiting-rate-badge")).ToContainTextAsync("25.00 BRL");
        await Expect(page.GetByTestId("conversions-pending-rate")).ToContainTextAsync("1 conversion waits for an exchange rate for BRL");
        await BrowserSession.ScreenshotAsync(page, "conversions-awaiting-rate");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.ScreenshotAsync(page, "conversions-awaiting-rate-narrow");
        await page.SetViewportSizeAsync(1440, 900);

        await page.GotoAsync("/admin/settings");
        await BrowserSession.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("pending-rate-notice")).ToContainTextAsync("1 conversion waits for a rate for BRL");
        await BrowserSession.ScreenshotAsync(page, "settings-pending-rate");
        await page.GetByTestId("add-pending-rate-BRL").ClickAsync();
        // A fresh tracker has no rates: the button adds the first row, for BRL.
        await Expect(page.GetByTestId("rate-row")).ToHaveCountAsync(1);
        const int last = 0;
        await Expect(page.GetByTestId($"rate-currency-{last}")).ToHaveValueAsync("BRL");
        await page.GetByTestId($"rate-value-{last}").FillAsync("0.2");
        await page.GetByTestId("settings-save").ClickAsync();

        await Expect(page.GetByTestId("pending-rate-notice")).ToHaveCountAsync(0);
        await page.GotoAsync("/admin/conversions");
        await BrowserSession.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("conversion-revenue")).ToContainTextAsync("5.00");
        await Expect(page.GetByTestId("conversion-awaiting-rate-badge")).ToHaveCountAsync(0);
    }
}
