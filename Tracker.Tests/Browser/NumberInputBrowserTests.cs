using Microsoft.Playwright;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;

namespace Tracker.Tests.Browser;

/// <summary>Numbers typed the European way in real Chromium at desktop width: kept as typed, saved as meant.</summary>
public sealed class NumberInputBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APayoutTypedWithADecimalCommaIsSavedAsTwelveFiftyAndReadBackSo()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.CreateAdminAsync();
        await page.SetViewportSizeAsync(1440, 900);

        await page.GotoAsync("/admin/offers/new");
        await BrowserSession.WaitForCircuitAsync(page);
        await page.FillAsync("#offer-name", "Casino DE");
        await page.FillAsync("#offer-url", "https://net.example/click?o=77&s={subid}");
        await page.ClickAsync(".mud-tab:has-text('Additional')");
        await Assertions.Expect(page.GetByTestId("zero-payout-warning")).ToBeVisibleAsync();

        // A wrong number stays on screen with what is wrong next to it, and blocks the save.
        var payout = page.Locator("#offer-payout-value");
        await payout.FillAsync("1e9");
        var payoutControl = page.Locator(".mud-input-control", new() { Has = payout });
        await Assertions.Expect(payoutControl).ToContainTextAsync("written with an exponent");
        await Assertions.Expect(payout).ToHaveValueAsync("1e9");
        await BrowserSession.ScreenshotAsync(page, "offer-payout-refused-1440");

        await payout.FillAsync("12,50");
        await Assertions.Expect(payoutControl).Not.ToContainTextAsync("exponent");
        await Assertions.Expect(page.GetByTestId("zero-payout-warning")).ToHaveCountAsync(0);
        await page.Locator("input[data-testid=offer-cap-enabled]").CheckAsync();
        var cap = page.Locator("#offer-cap-daily");
        await cap.FillAsync("2.5");
        await Assertions.Expect(page.Locator(".mud-input-control", new() { Has = cap })).ToContainTextAsync("'2.5' is not a whole number");
        await Assertions.Expect(cap).ToHaveValueAsync("2.5");
        await page.Locator("input[data-testid=offer-cap-enabled]").UncheckAsync();

        await page.ClickAsync("[data-testid=offer-save]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/admin/offers/\d+$"));

        var saved = Assert.Single((await session.App.Service<OfferStore>().ListAsync(new OfferQuery(), Ct)).Items);
        Assert.Equal(12_500_000, saved.PayoutMicros);

        await page.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(page);
        await page.ClickAsync(".mud-tab:has-text('Additional')");
        await Assertions.Expect(page.Locator("#offer-payout-value")).ToHaveValueAsync("12.50");
        await BrowserSession.ScreenshotAsync(page, "offer-payout-saved-1440");
    }
}
