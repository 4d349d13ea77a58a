using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Tracker.Tests.Infrastructure;

/// <summary>
/// The real host on a real Kestrel port and Debian's Chromium driven by Playwright. A browser test that
/// finds no Chromium fails loudly: CI installs it (.ci/run), and a silent skip would hide a broken UI.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminUser = "admin";
    public const string AdminPassword = "correct horse battery";

    private BrowserSession(TrackerApplication app, string baseUrl, IPlaywright playwright, IBrowser browser)
    {
        App = app;
        BaseUrl = baseUrl;
        Playwright = playwright;
        Browser = browser;
    }

    public TrackerApplication App { get; }

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> StartAsync(TrackerApplication? app = null)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ChromiumPath}. Install it with 'apt-get install -y chromium' (bash .ci/run does this).");

        app ??= new TrackerApplication();
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        var baseUrl = addresses.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        // Expect(...) assertions get the same 30 s as page steps (their own default is 5 s): on a busy
        // 2-core CI box a live update can take longer than 5 s to render, and that is not a failure.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(app, baseUrl, playwright, browser);
    }

    /// <summary>A fresh browser context (its own cookies) with one page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        // Generous: a 2-core CI box running several browser tests at once can take seconds per step.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Creates the admin account through the first-run page; the page ends logged in on the dashboard.</summary>
    public async Task<IPage> CreateAdminAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/admin");
        await page.WaitForURLAsync("**/admin/setup");
        await page.FillAsync("#userName", AdminUser);
        await page.FillAsync("#password", AdminPassword);
        await page.FillAsync("#confirm", AdminPassword);
        await page.ClickAsync("button[type=submit]");
        // The address is the proof the form worked; the circuit wait below is the proof the page is
        // usable. Waiting for the full "load" event as well only adds a second way to time out on a busy CI box.
        await page.WaitForURLAsync(BaseUrl + "/admin", new() { WaitUntil = WaitUntilState.Commit });
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Logs in through the login form in a new browser context.</summary>
    public async Task<IPage> LoginAsync(string returnPath = "/admin")
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/admin/login?returnUrl=" + Uri.EscapeDataString(returnPath));
        await page.FillAsync("#userName", AdminUser);
        await page.FillAsync("#password", AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + returnPath, new() { WaitUntil = WaitUntilState.Commit });
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Waits until the Blazor circuit is up, so clicks reach interactive components.</summary>
    public static async Task WaitForCircuitAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null && window.__trackerCircuitUp === true");

    /// <summary>
    /// Clicks until <paramref name="done"/> holds, at most three times, waiting up to 10 s after each
    /// click: on a machine loaded by the rest of the suite a click sent while a component re-renders
    /// can be lost. Only for clicks whose effect <paramref name="done"/> can see, so a late first click
    /// is never mistaken for a lost one.
    /// </summary>
    public static async Task ClickUntilAsync(ILocator target, Func<Task<bool>> done, string what)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await done()) return;
            await target.ClickAsync();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                if (await done()) return;
                await Task.Delay(100);
            }
        }
        Assert.True(await done(), $"{what}: still not done after three clicks");
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots for a human to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
