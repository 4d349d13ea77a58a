using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Tracker.Core.Clicks;
using Tracker.Tests.Infrastructure;
using Tracker.Web.LocalOffers;
using static Tracker.Tests.LocalOffers.LocalOfferTesting;

namespace Tracker.Tests.LocalOffers;

public sealed class LocalOfferServingTests
{
    private static readonly byte[] Video = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 251)).ToArray();

    private static TestArchive Site() => TestArchive.Landing("Served")
        .File("media/clip.mp4", Video)
        .File("js/app.js", "document.title = 'js';")
        .File("fonts/a.woff2", [1, 2, 3])
        .File("data/blob.xyz", [9, 9])
        .File("icons/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        .File("thanks/index.html", "<html><head></head><body>Thanks {offer_name}<a href=\"../index.html\">back</a></body></html>")
        .File("downloads/archive.zip", new TestArchive().File("inner.txt", "x").ToBytes());

    private static async Task<(TrackerApplication App, string Key, int OfferId)> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var app = new TrackerApplication(settings);
        var offer = await app.CreateOfferAsync("Casino <DE> & Co");
        var key = (await app.CreateApiClient().UploadOkAsync(offer.Id, Site().ToBytes())).GetProperty("key").GetString()!;
        return (app, key, offer.Id);
    }

    [Theory]
    [InlineData("css/style.css", "text/css")]
    [InlineData("img/pixel.png", "image/png")]
    [InlineData("js/app.js", "text/javascript")]
    [InlineData("media/clip.mp4", "video/mp4")]
    [InlineData("fonts/a.woff2", "font/woff2")]
    [InlineData("icons/logo.svg", "image/svg+xml")]
    [InlineData("data/blob.xyz", "application/octet-stream")]
    [InlineData("downloads/archive.zip", "application/zip")]
    public async Task AssetsHaveTheirContentTypeNosniffTheSandboxAndAnETag(string path, string contentType)
    {
        var (app, key, _) = await StartAsync();
        await using var _ = app;

        var response = await app.CreateClient().GetAsync($"/lo/{key}/{path}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        AssertIsolated(response);
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnchangedAssetAnswers304ToItsETagAndChangesETagWithANewUpload()
    {
        var (app, key, offerId) = await StartAsync();
        await using var _ = app;
        var client = app.CreateClient();
        var first = await client.GetAsync($"/lo/{key}/css/style.css", Ct);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/lo/{key}/css/style.css");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var cached = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);

        await app.CreateApiClient().UploadOkAsync(offerId, Site().ToBytes());
        using var afterReplace = new HttpRequestMessage(HttpMethod.Get, $"/lo/{key}/css/style.css");
        afterReplace.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(afterReplace, Ct)).StatusCode);
    }

    [Fact]
    public async Task MediaIsServedInRanges()
    {
        var (app, key, _) = await StartAsync();
        await using var _ = app;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/lo/{key}/media/clip.mp4");
        request.Headers.Range = new RangeHeaderValue(100, 199);

        var response = await app.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 100-199/10000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(Video[100..200], await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        AssertIsolated(response);
    }

    [Fact]
    public async Task TheEntryPageGetsABaseHrefOfferMacrosAndIsNeverCached()
    {
        var (app, key, offerId) = await StartAsync();
        await using var _ = app;

        var response = await app.CreateClient().GetAsync($"/lo/{key}/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl?.NoStore);
        AssertIsolated(response);
        Assert.Contains($"<head><base href=\"/lo/{key}/\"><meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        // No click behind a preview: {subid} is empty, the offer's own macros are filled in.
        Assert.Contains($"href=\"https://network.example/c?s=&o={offerId}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherPagesGetMacrosEscapedButNoBaseSoTheirOwnRelativeLinksWork()
    {
        var (app, key, _) = await StartAsync();
        await using var _ = app;

        var html = await app.CreateClient().GetStringAsync($"/lo/{key}/thanks/", Ct);

        Assert.Equal("<html><head></head><body>Thanks Casino &lt;DE&gt; &amp; Co<a href=\"../index.html\">back</a></body></html>", html);
    }

    [Fact]
    public async Task TheKeyWithoutTrailingSlashRedirectsSoRelativeLinksResolve()
    {
        var (app, key, _) = await StartAsync();
        await using var _ = app;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/lo/{key}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/lo/{key}/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task HeadAnswersWithHeadersOnly()
    {
        var (app, key, _) = await StartAsync();
        await using var _ = app;

        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/lo/{key}/"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("css")]
    [InlineData("css/")]
    [InlineData("img/")]
    [InlineData("missing.html")]
    [InlineData("..%2F..%2Ftracker.db")]
    [InlineData("%2e%2e/%2e%2e/tracker.db")]
    [InlineData("css/%2e%2e/%2e%2e/%2e%2e/tracker.db")]
    [InlineData("css%5C..%5C..%5C..%5Ctracker.db")]
    [InlineData("..\\..\\tracker.db")]
    [InlineData("css//style.css")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("current.json")]
    [InlineData("..%2Fcurrent.json")]
    public async Task AnythingButAFileOfTheOfferIs404(string path)
    {
        var (app, key, _) = await StartAsync();
        await using var _ = app;

        var response = await app.CreateClient().GetAsync($"/lo/{key}/{path}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("SQLite format", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TraversalWithRawDotSegmentsNeverLeavesTheOffer()
    {
        var (app, key, _) = await StartAsync();
        await using var _ = app;
        foreach (var raw in new[] { $"/lo/{key}/../../tracker.db", $"/lo/{key}/css/../../{key}/current.json", $"/lo/{key}/./css/style.css", $"/lo/{key}/index.html\0.png", $"/lo/{key}-evil/index.html" })
        {
            // Straight into the server, without an HTTP client normalising the dot segments away.
            var context = await app.Server.SendAsync(c =>
            {
                c.Request.Method = HttpMethods.Get;
                c.Request.Path = new PathString(raw);
            }, Ct);
            Assert.True(context.Response.StatusCode == StatusCodes.Status404NotFound, $"{raw}: {context.Response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task UnknownKeysAre404WithTheSandboxToo(string key)
    {
        var (app, _, _) = await StartAsync();
        await using var _ = app;

        var response = await app.CreateClient().GetAsync($"/lo/{key}/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertIsolated(response);
    }

    [Fact]
    public async Task TheEntryPageForAClickCarriesItsSubidAndParametersEncodedForTheirPlace()
    {
        var (app, key, offerId) = await StartAsync();
        await using var _ = app;
        var offer = await app.ReadOfferAsync(offerId);
        var pages = app.Service<ILocalOfferEntryPage>();
        var click = new Click { SubId = "k3v7q2m4xb", CampaignId = 4 };

        var page = await pages.RenderEntryAsync(offer, MacroValues.ForClick(click, "Summer", offer), Ct);

        Assert.NotNull(page);
        var html = Encoding.UTF8.GetString(page.Body);
        Assert.Contains($"<base href=\"/lo/{key}/\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://network.example/c?s=k3v7q2m4xb&o={offerId}\"", html, StringComparison.Ordinal);

        // A value inside a link stays one parameter and cannot leave the attribute.
        var hostile = new Click { SubId = "a&sub2=x\"><script>alert(1)</script>", CampaignId = 4 };
        var hostilePage = await pages.RenderEntryAsync(offer, MacroValues.ForClick(hostile, "Summer", offer), Ct);
        Assert.Contains($"href=\"https://network.example/c?s=a%26sub2%3Dx%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&o={offerId}\"",
            Encoding.UTF8.GetString(hostilePage!.Body), StringComparison.Ordinal);
        Assert.Null(await pages.RenderEntryAsync(await app.CreateOfferAsync("Redirect offer"), new MacroValues(), Ct));
    }

    [Fact]
    public async Task WithASeparateOffersHostFilesAnswerOnlyThereAndTheAdminNeverDoes()
    {
        var (app, key, offerId) = await StartAsync(new() { ["Tracker:LocalOffersHost"] = "offers.test" });
        await using var _ = app;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        async Task<HttpResponseMessage> GetOn(string host, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = host;
            return await client.SendAsync(request, Ct);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetOn("localhost", $"/lo/{key}/css/style.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetOn("offers.test", $"/lo/{key}/css/style.css")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetOn("offers.test", "/admin/login")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetOn("offers.test", $"/api/v1/offers/{offerId}/archive")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetOn("offers.test", "/_blazor/negotiate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetOn("localhost", "/admin/setup")).StatusCode);
        var offer = await app.ReadOfferAsync(offerId);
        var page = await app.Service<ILocalOfferEntryPage>().RenderEntryAsync(offer, new MacroValues(), Ct);
        Assert.Contains($"<base href=\"//offers.test/lo/{key}/\">", Encoding.UTF8.GetString(page!.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOfferApisLocalUrlIsOnTheSeparateOffersHost()
    {
        var (app, key, offerId) = await StartAsync(new()
        {
            ["Tracker:LocalOffersHost"] = "offers.test",
            ["Tracker:PublicBaseUrl"] = "https://trk.test",
        });
        await using var _ = app;

        var offer = await app.CreateApiClient().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/offers/{offerId}", Ct);

        Assert.Equal($"https://offers.test/lo/{key}/", offer.GetProperty("localUrl").GetString());
    }

    [Fact]
    public async Task WithoutAnOffersHostTheLocalUrlIsOnThePublicBaseUrl()
    {
        var (app, key, offerId) = await StartAsync(new() { ["Tracker:PublicBaseUrl"] = "https://trk.test" });
        await using var _ = app;

        var offer = await app.CreateApiClient().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/offers/{offerId}", Ct);

        Assert.Equal($"https://trk.test/lo/{key}/", offer.GetProperty("localUrl").GetString());
    }

    private static void AssertIsolated(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox",
            response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
