using System.Text;
using Microsoft.Playwright;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.LocalOffers;

namespace Tracker.Tests.Browser;

public sealed class LocalOfferBrowserTests
{
    /// <summary>
    /// Runs inside the uploaded page and tries everything a hostile landing page would try against the admin
    /// who previews it, writing each outcome into the page so the test can read it.
    /// </summary>
    private const string HostileProbe = """
        (async () => {
          const out = document.getElementById('probes');
          const report = (name, result) => {
            const li = document.createElement('li');
            li.dataset.probe = name;
            li.textContent = name + ': ' + result;
            out.appendChild(li);
          };
          const id = window.offerId;
          try {
            const c = document.cookie;
            report('cookie', c.includes('tracker_admin') ? 'LEAKED ' + c : 'blocked: no admin cookie visible');
          } catch (e) { report('cookie', 'blocked: ' + e.name); }
          try { localStorage.setItem('probe', '1'); report('storage', 'LEAKED'); } catch (e) { report('storage', 'blocked: ' + e.name); }
          const attempt = async (name, url, init) => {
            try {
              const r = await fetch(url, Object.assign({ credentials: 'include' }, init));
              const text = await r.text();
              report(name, 'LEAKED ' + r.status + ' ' + text.slice(0, 60));
            } catch (e) { report(name, 'blocked: ' + e.name); }
          };
          await attempt('api-read', '/api/v1/offers/' + id + '/archive');
          await attempt('api-delete', '/api/v1/offers/' + id + '/archive', { method: 'DELETE' });
          await attempt('admin-page', '/admin');
          const form = new FormData();
          form.append('file', new Blob(['not a zip']), 'evil.zip');
          await attempt('admin-upload', '/admin/offers/' + id + '/archive', { method: 'POST', body: form });
          await attempt('hub-negotiate', '/_blazor/negotiate?negotiateVersion=1', { method: 'POST' });
          await new Promise(resolve => {
            let socket;
            try { socket = new WebSocket('ws://' + location.host + '/_blazor'); }
            catch (e) { report('hub-socket', 'blocked: ' + e.name); resolve(); return; }
            socket.onopen = () => { report('hub-socket', 'LEAKED open'); socket.close(); resolve(); };
            socket.onerror = () => { report('hub-socket', 'blocked: refused'); resolve(); };
          });
          document.body.dataset.probesDone = 'yes';
        })();
        """;

    private static readonly string[] Probes = ["cookie", "storage", "api-read", "api-delete", "admin-page", "admin-upload", "hub-negotiate", "hub-socket"];

    [Fact]
    public async Task AffiliateUploadsALandingWithProgressAndItsScriptCannotActAsTheAdmin()
    {
        await using var session = await BrowserSession.StartAsync();
        var admin = await session.CreateAdminAsync();
        var offer = await session.App.CreateOfferAsync("Summer landing");
        var zipPath = Path.Combine(session.App.DataDirectory, "summer-landing.zip");
        await File.WriteAllBytesAsync(zipPath, Landing(offer.Id), TestContext.Current.CancellationToken);

        await OpenUploaderAsync(admin, offer.Id);
        Assert.True(await admin.Locator("[data-testid=local-offer-empty]").IsVisibleAsync());
        // Slow the upload down so its progress is visible, as on a real connection.
        var cdp = await admin.Context.NewCDPSessionAsync(admin);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = 1_500_000,
        });
        await admin.Locator("[data-testid=local-offer-upload] input[type=file]").First.SetInputFilesAsync(zipPath);

        var progress = admin.Locator("[data-testid=local-offer-progress]");
        await Assertions.Expect(progress).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Uploading summer-landing\\.zip — [1-9][0-9]?%"));
        await BrowserSession.ScreenshotAsync(admin, "local-offer-uploading");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1,
        });

        var summary = admin.Locator("[data-testid=local-offer-summary]");
        await Assertions.Expect(summary).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(admin.Locator("[data-testid=local-offer-filename]")).ToHaveTextAsync("summer-landing.zip");
        await Assertions.Expect(admin.Locator("[data-testid=local-offer-count]")).ToHaveTextAsync("5 files");
        await Assertions.Expect(admin.Locator("[data-testid=local-offer-entry]")).ToContainTextAsync("index.html");
        var files = await admin.Locator("[data-testid=local-offer-files] tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(["css/style.css", "img/hero.png", "index.html", "js/probe.js", "media/filler.bin"], files);
        await BrowserSession.ScreenshotAsync(admin, "local-offer-uploaded");
        var saved = await session.App.ReadOfferAsync(offer.Id);
        Assert.True(saved.IsLocal);

        // The preview opens in a new tab and renders with its stylesheet and image.
        var preview = await admin.Context.RunAndWaitForPageAsync(() => admin.Locator("[data-testid=local-offer-preview]").ClickAsync());
        await preview.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal($"{session.BaseUrl}/lo/{saved.LocalKey}/", preview.Url);
        Assert.Equal("rgb(200, 0, 0)", await preview.EvalOnSelectorAsync<string>("h1", "e => getComputedStyle(e).color"));
        Assert.Equal(2, await preview.EvalOnSelectorAsync<int>("#hero", "img => img.naturalWidth"));
        Assert.Equal($"Offer {offer.Id}", await preview.InnerTextAsync("#offer"));

        // Its script tried to act as the logged-in admin; every attempt failed.
        await preview.WaitForSelectorAsync("body[data-probes-done=yes]");
        await BrowserSession.ScreenshotAsync(preview, "local-offer-preview");
        foreach (var probe in Probes)
        {
            var result = await preview.InnerTextAsync($"[data-probe={probe}]");
            Assert.StartsWith($"{probe}: blocked", result, StringComparison.Ordinal);
        }
        var after = await session.App.ReadOfferAsync(offer.Id);
        Assert.Equal((saved.Version, saved.LocalKey, true), (after.Version, after.LocalKey, after.IsLocal));

        // Removing asks first, then turns the offer back into a redirect offer.
        await admin.BringToFrontAsync();
        await admin.Locator("[data-testid=local-offer-remove]").ClickAsync();
        await admin.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        // The editor (no edits of its own) simply shows that version: the switch is off, the redirect choice is back.
        await Assertions.Expect(admin.Locator("input[data-testid=offer-is-local]")).Not.ToBeCheckedAsync();
        await Assertions.Expect(admin.Locator("[data-testid=offer-redirect]")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("[data-testid=conflict-banner]")).ToHaveCountAsync(0);
        Assert.False((await session.App.ReadOfferAsync(offer.Id)).IsLocal);
    }

    [Fact]
    public async Task ARefusedArchiveShowsWhyAndKeepsThePreviousPage()
    {
        await using var session = await BrowserSession.StartAsync();
        var admin = await session.CreateAdminAsync();
        var offer = await session.App.CreateOfferAsync("Hostile upload");
        using var api = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        api.DefaultRequestHeaders.Add(Tracker.Web.Security.ApiKeyFilter.HeaderName, TrackerApplication.TestApiKey);
        await api.UploadOkAsync(offer.Id, TestArchive.Landing("Still here").ToBytes(), "good.zip");
        var zipPath = Path.Combine(session.App.DataDirectory, "evil.zip");
        await File.WriteAllBytesAsync(zipPath, TestArchive.Landing().File("../../evil.txt", "x").File("send.php", "<?php").ToBytes(), TestContext.Current.CancellationToken);

        await OpenUploaderAsync(admin, offer.Id);
        await admin.Locator("[data-testid=local-offer-upload] input[type=file]").First.SetInputFilesAsync(zipPath);

        var errors = admin.Locator("[data-testid=local-offer-errors]");
        await Assertions.Expect(errors).ToContainTextAsync("evil.zip was not accepted. Nothing changed; the previous page is still live.");
        await Assertions.Expect(errors).ToContainTextAsync("'../../evil.txt' points outside its folder");
        await Assertions.Expect(errors).ToContainTextAsync("'send.php' is server-side code");
        await Assertions.Expect(admin.Locator("[data-testid=local-offer-filename]")).ToHaveTextAsync("good.zip");
        await BrowserSession.ScreenshotAsync(admin, "local-offer-refused");

        // The admin's cookie alone is not enough for the upload endpoint: it also wants the page's antiforgery token.
        var forged = await admin.APIRequest.PostAsync($"/admin/offers/{offer.Id}/archive", new()
        {
            Multipart = admin.APIRequest.CreateFormData().Set("file", new FilePayload { Name = "x.zip", MimeType = "application/zip", Buffer = TestArchive.Landing("Forged").ToBytes() }),
        });
        Assert.Equal(400, forged.Status);
        Assert.Contains("security token", await forged.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("Still here", await (await admin.APIRequest.GetAsync($"/lo/{(await session.App.ReadOfferAsync(offer.Id)).LocalKey}/")).TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewLocalOfferIsCreatedWithItsZipInOneSaveAndARefusedZipLeavesNoOfferBehind()
    {
        await using var session = await BrowserSession.StartAsync();
        var admin = await session.CreateAdminAsync();
        var ct = TestContext.Current.CancellationToken;
        var badZip = Path.Combine(session.App.DataDirectory, "broken-landing.zip");
        await File.WriteAllBytesAsync(badZip, new TestArchive().File("readme.txt", "no page here").File("send.php", "<?php").ToBytes(), ct);
        var goodZip = Path.Combine(session.App.DataDirectory, "spring-landing.zip");
        await File.WriteAllBytesAsync(goodZip, TestArchive.Landing("Spring sale", "spring/").ToBytes(), ct);

        await admin.GotoAsync("/admin/offers/new");
        await BrowserSession.WaitForCircuitAsync(admin);
        await admin.FillAsync("#offer-name", "Spring pre-lander");
        await admin.Locator("input[data-testid=offer-is-local]").CheckAsync(new() { Force = true });
        var slot = admin.Locator("[data-testid=local-offer-slot]");
        await Assertions.Expect(slot.Locator("[data-testid=local-offer-empty]")).ToContainTextAsync("uploaded when you save");

        // A zip the server refuses: Save creates nothing, says why next to the upload, and keeps what was typed.
        await slot.Locator("input[type=file]").First.SetInputFilesAsync(badZip);
        await Assertions.Expect(slot.Locator("[data-testid=local-offer-chosen-name]")).ToHaveTextAsync("broken-landing.zip");
        await admin.ClickAsync("[data-testid=offer-save]");
        var errors = slot.Locator("[data-testid=local-offer-errors]");
        await Assertions.Expect(errors).ToContainTextAsync("broken-landing.zip was not accepted, so the offer was not created", new() { Timeout = 30_000 });
        await Assertions.Expect(errors).ToContainTextAsync("'send.php' is server-side code");
        await BrowserSession.ScreenshotAsync(admin, "local-offer-new-refused");
        Assert.EndsWith("/admin/offers/new", admin.Url, StringComparison.Ordinal);
        Assert.Equal("Spring pre-lander", await admin.InputValueAsync("#offer-name"));
        Assert.Empty(await session.App.Service<Tracker.Web.Catalog.OfferStore>().ListSummariesAsync(ct));
        await Assertions.Expect(slot.Locator("[data-testid=local-offer-chosen]")).ToHaveCountAsync(0);

        // A good zip: one Save creates the offer and publishes its page.
        await slot.Locator("input[type=file]").First.SetInputFilesAsync(goodZip);
        await Assertions.Expect(slot.Locator("[data-testid=local-offer-chosen-name]")).ToHaveTextAsync("spring-landing.zip");
        await Assertions.Expect(errors).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(admin, "local-offer-new-chosen");
        await admin.ClickAsync("[data-testid=offer-save]");
        await admin.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/offers/[0-9]+$"), new() { Timeout = 30_000 });
        await Assertions.Expect(slot.Locator("[data-testid=local-offer-filename]")).ToHaveTextAsync("spring-landing.zip", new() { Timeout = 30_000 });
        await Assertions.Expect(slot.Locator("[data-testid=local-offer-count]")).ToHaveTextAsync("3 files");
        await Assertions.Expect(admin.Locator("[data-testid=unsaved-changes]")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(admin, "local-offer-new-published");

        var id = int.Parse(admin.Url[(admin.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var offer = await session.App.ReadOfferAsync(id);
        Assert.Equal(("Spring pre-lander", true), (offer.Name, offer.IsLocal));
        Assert.Single(await session.App.Service<Tracker.Web.Catalog.OfferStore>().ListSummariesAsync(ct));
        var served = await admin.APIRequest.GetAsync($"/lo/{offer.LocalKey}/");
        Assert.Contains("<h1>Spring sale</h1>", await served.TextAsync(), StringComparison.Ordinal);

        // The editor took the version the upload produced as its own: a further edit saves without a conflict.
        await admin.FillAsync("#offer-name", "Spring pre-lander v2");
        await admin.ClickAsync("[data-testid=offer-save]");
        await Assertions.Expect(admin.Locator("[data-testid=unsaved-changes]")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("[data-testid=conflict-banner]")).ToHaveCountAsync(0);
        Assert.Equal("Spring pre-lander v2", (await session.App.ReadOfferAsync(id)).Name);
    }

    /// <summary>Opens the offer editor's Main tab and turns on "Local offer" when it is off: the upload sits there.</summary>
    private static async Task OpenUploaderAsync(IPage page, int offerId)
    {
        await page.GotoAsync($"/admin/offers/{offerId}");
        await BrowserSession.WaitForCircuitAsync(page);
        var localSwitch = page.Locator("input[data-testid=offer-is-local]");
        await localSwitch.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        if (!await localSwitch.IsCheckedAsync())
            await localSwitch.CheckAsync(new() { Force = true });
        await page.Locator("[data-testid=local-offer-slot] [data-testid=local-offer-dropzone]").WaitForAsync();
    }

    /// <summary>A real multi-file landing: HTML, CSS, an image, a script, and filler so the upload takes a moment.</summary>
    private static byte[] Landing(int offerId)
    {
        var filler = new byte[3 * 1024 * 1024];
        new Random(42).NextBytes(filler);
        var html = """
            <!doctype html>
            <html>
            <head>
              <meta charset="utf-8">
              <title>Summer sale</title>
              <link rel="stylesheet" href="css/style.css">
              <script>window.offerId = '{offer_id}';</script>
            </head>
            <body>
              <h1>Summer sale</h1>
              <p id="offer">Offer {offer_id}</p>
              <img id="hero" src="img/hero.png" alt="hero">
              <a id="go" href="https://network.example/click?o=77&sub1={subid}">Get it</a>
              <ul id="probes"></ul>
              <script src="js/probe.js"></script>
            </body>
            </html>
            """;
        return new TestArchive()
            .File("summer/index.html", html)
            .File("summer/css/style.css", "h1 { color: rgb(200, 0, 0); font-family: sans-serif; }")
            .File("summer/img/hero.png", TwoByTwoPng)
            .File("summer/js/probe.js", Encoding.UTF8.GetBytes(HostileProbe))
            .File("summer/media/filler.bin", filler, System.IO.Compression.CompressionLevel.NoCompression)
            .ToBytes();
    }

    private static readonly byte[] TwoByTwoPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");
}
