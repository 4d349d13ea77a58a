using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;
using Tracker.Web.Clicks;
using Tracker.Web.Live;
using Tracker.Web.Services;
using Tracker.Tests.LocalOffers;
using Tracker.Tests.Integration.Api;
using static Tracker.Tests.Integration.Clicks.ClickTestKit;

namespace Tracker.Tests.Integration.Clicks;

public sealed class ClickEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClickIsSentToTheOfferWithTheNetworksParametersAndRecorded()
    {
        await using var app = CreateApp();
        var network = await app.AddNetworkAsync("&sub1={subid}&src={source}");
        await app.SimpleCampaignAsync("summer", "https://offer.example/lp?o=1", networkId: network.Id);

        var response = await app.Visitor(GermanIp).GetAsync("/summer?source=fb%20ads&sub_id_1=a&keyword=shoes", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var location = response.Headers.Location!;
        var subId = SubIdFrom(location);
        Assert.Matches("^[a-z2-7]{26}$", subId);
        Assert.Equal($"https://offer.example/lp?o=1&sub1={subId}&src=fb%20ads", location.OriginalString);

        var click = Assert.Single(await app.ClicksAsync());
        Assert.Equal(subId, click.SubId);
        Assert.Equal("DE", click.Country);
        Assert.Equal(GermanIp, click.Ip);
        Assert.Equal("Mozilla/5.0 (test visitor)", click.UserAgent);
        Assert.True(click.IsUnique);
        Assert.Equal(network.Id, click.AffiliateNetworkId);
        Assert.Equal("fb ads", click.Parameters["source"]);
        Assert.Equal("shoes", click.Parameters["keyword"]);
        Assert.Equal("a", click.Parameters["sub_id_1"]);
        Assert.InRange(click.CreatedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(DateTimeKind.Utc, click.CreatedAt.Kind);
    }

    [Theory]
    [InlineData(RedirectType.Meta)]
    [InlineData(RedirectType.Js)]
    [InlineData(RedirectType.BlankReferrer)]
    [InlineData(RedirectType.FormSubmit)]
    [InlineData(RedirectType.Iframe)]
    public async Task HtmlRedirectTypesAnswerAPageThatLeadsToTheOffer(RedirectType type)
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("page", "https://offer.example/lp?o=1&s={subid}", type);

        var response = await app.Visitor().GetAsync("/page", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var subId = Assert.Single(await app.ClicksAsync()).SubId;
        var escaped = $"https://offer.example/lp?o=1&amp;s={subId}";
        switch (type)
        {
            case RedirectType.Meta:
                Assert.Contains($"<meta http-equiv=\"refresh\" content=\"0; url={escaped}\">", html);
                break;
            case RedirectType.Js:
                Assert.Contains($"window.location.replace(\"https://offer.example/lp?o=1\\u0026s={subId}\")", html);
                break;
            case RedirectType.BlankReferrer:
                Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
                Assert.Contains($"content=\"0; url={escaped}\"", html);
                break;
            case RedirectType.FormSubmit:
                Assert.Contains("action=\"https://offer.example/lp\"", html);
                Assert.Contains($"<input type=\"hidden\" name=\"s\" value=\"{subId}\">", html);
                break;
            case RedirectType.Iframe:
                Assert.Contains($"<iframe src=\"{escaped}\"", html);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    [Fact]
    public async Task HttpRedirectTypeIsA302()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("plain", "https://offer.example/lp", RedirectType.Http);

        var response = await app.Visitor().GetAsync("/plain", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://offer.example/lp", response.Headers.Location?.OriginalString);
        Assert.Single(await app.ClicksAsync());
    }

    [Fact]
    public async Task DoubleMetaGoesThroughTheTrackersOwnHopToTheOffer()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("twice", "https://offer.example/lp?s={subid}", RedirectType.DoubleMeta);
        var visitor = app.Visitor();

        var first = await visitor.GetStringAsync("/twice", Ct);
        var hopUrl = Regex.Match(first, "content=\"0; url=(/_go/[^\"]+)\"").Groups[1].Value;
        Assert.DoesNotContain("offer.example", first);
        var hop = await visitor.GetAsync(hopUrl, Ct);
        var second = await hop.Content.ReadAsStringAsync(Ct);

        var subId = Assert.Single(await app.ClicksAsync()).SubId;
        Assert.Equal(HttpStatusCode.OK, hop.StatusCode);
        Assert.Equal("no-store", hop.Headers.CacheControl?.ToString());
        Assert.Contains($"content=\"0; url=https://offer.example/lp?s={subId}\"", second);
    }

    [Fact]
    public async Task ForgedGatewayHopTokenLeadsNowhere()
    {
        await using var app = CreateApp();

        var response = await app.Visitor().GetAsync("/_go/CfDJ8forged-token", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("refresh", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/no-such-campaign")]
    [InlineData("/Known")]
    [InlineData("/known.html")]
    [InlineData("/api")]
    [InlineData("/lo")]
    public async Task UnknownOrReservedAliasAnswersTheNotFoundPageAndRecordsNothing(string path)
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("known");
        await app.SimpleCampaignAsync("lo"); // only possible by writing the database directly: reserved words stay unreachable

        var response = await app.Visitor().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await app.ClicksAsync());
    }

    [Fact]
    public async Task ArchivedCampaignIsNotFound()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("gone");
        await app.SeedAsync(db => db.Campaigns.Single(c => c.Alias == "gone").State = ItemState.Archived);

        var response = await app.Visitor().GetAsync("/gone", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HeadRendersTheSameRedirectButRecordsNothingAndHandsOutNoSubId()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("peek", "https://offer.example/lp?s={subid}&o=1");

        var response = await app.Visitor().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/peek"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://offer.example/lp?s=&o=1", response.Headers.Location?.OriginalString);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Empty(await app.ClicksAsync());

        // HEAD leaves no trace in the uniqueness memory either: the next real click is unique.
        await app.Visitor().GetAsync("/peek", Ct);
        Assert.True(Assert.Single(await app.ClicksAsync()).IsUnique);
    }

    [Fact]
    public async Task RepeatClickBySameVisitorWithinTheWindowIsNotUnique()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("uniq");
        await app.SimpleCampaignAsync("other");

        await app.Visitor(GermanIp, "UA-1").GetAsync("/uniq", Ct);
        await app.Visitor(GermanIp, "UA-1").GetAsync("/uniq", Ct);
        await app.Visitor(GermanIp, "UA-2").GetAsync("/uniq", Ct);
        await app.Visitor(AmericanIp, "UA-1").GetAsync("/uniq", Ct);
        await app.Visitor(GermanIp, "UA-1").GetAsync("/other", Ct);

        var clicks = await app.ClicksAsync();
        Assert.Equal([true, false, true, true, true], clicks.Select(c => c.IsUnique));
    }

    [Fact]
    public async Task RestartRemembersWhoClickedWithinTheWindow()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tracker-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Tracker:DataDirectory"] = dataDirectory };
        try
        {
            await using (var before = CreateApp(settings: settings))
            {
                await before.SimpleCampaignAsync("again");
                await before.Visitor(GermanIp, "UA-1").GetAsync("/again", Ct);
            }

            await using var after = CreateApp(settings: settings);
            _ = after.Server;
            var memory = after.Service<UniquenessTracker>();
            for (var i = 0; i < 200 && memory.Entries == 0; i++) await Task.Delay(25, Ct);
            await after.Visitor(GermanIp, "UA-1").GetAsync("/again", Ct);
            await after.Visitor(AmericanIp, "UA-1").GetAsync("/again", Ct);

            Assert.Equal([true, false, true], (await after.ClicksAsync()).Select(c => c.IsUnique));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task CampaignWithAZeroWindowCountsEveryClickAsUnique()
    {
        await using var app = CreateApp();
        var (campaign, _) = await app.SimpleCampaignAsync("always");
        await app.SeedAsync(db => db.Campaigns.Single(c => c.Id == campaign.Id).UniquenessHours = 0);

        await app.Visitor(GermanIp).GetAsync("/always", Ct);
        await app.Visitor(GermanIp).GetAsync("/always", Ct);

        Assert.All(await app.ClicksAsync(), c => Assert.True(c.IsUnique));
    }

    [Fact]
    public async Task VisitorsAreRoutedByCountryAndTheTraceSaysWhy()
    {
        await using var app = CreateApp();
        var de = await app.AddOfferAsync("https://de.example/");
        var us = await app.AddOfferAsync("https://us.example/");
        var rest = await app.AddOfferAsync("https://rest.example/");
        var forcedDe = OffersStream("Germany", StreamType.Forced, (de.Id, 100));
        forcedDe.Filters = [Country(FilterMode.Include, "DE", "AT")];
        var regularUs = OffersStream("USA", StreamType.Regular, (us.Id, 100));
        regularUs.Filters = [Country(FilterMode.Include, "US")];
        await app.AddCampaignAsync("geo", forcedDe, regularUs, OffersStream("Rest", StreamType.Default, (rest.Id, 100)));

        var german = await app.Visitor(GermanIp).GetAsync("/geo", Ct);
        var american = await app.Visitor(AmericanIp).GetAsync("/geo", Ct);
        var unknown = await app.Visitor("10.1.2.3").GetAsync("/geo", Ct);

        Assert.Equal("de.example", german.Headers.Location?.Host);
        Assert.Equal("us.example", american.Headers.Location?.Host);
        Assert.Equal("rest.example", unknown.Headers.Location?.Host);
        var clicks = await app.ClicksAsync();
        Assert.Equal(["DE", "US", ""], clicks.Select(c => c.Country));
        Assert.Contains(clicks[1].Trace, l => l.Contains("Forced stream \"Germany\"") && l.Contains("wants DE, AT, visitor country is US"));
        Assert.Contains(clicks[1].Trace, l => l.Contains("Regular stream \"USA\"") && l.Contains("chosen"));
        Assert.Contains(clicks[2].Trace, l => l.Contains("default stream \"Rest\"") && l.Contains("was chosen"));
    }

    [Fact]
    public async Task ClickAndItsTraceCanBeFetchedBySubId()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("fetch", "https://offer.example/lp?sub1={subid}");
        var subId = SubIdFrom((await app.Visitor(GermanIp).GetAsync("/fetch?sub_id_3=x&cost=0.02", Ct)).Headers.Location);
        var api = app.CreateApiClient();

        var response = await api.GetAsync($"/api/v1/clicks/{subId.ToUpperInvariant()}", Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(subId, body.GetProperty("subId").GetString());
        Assert.Equal("DE", body.GetProperty("country").GetString());
        Assert.Equal("x", body.GetProperty("parameters").GetProperty("sub_id_3").GetString());
        Assert.Equal(0.02m, body.GetProperty("cost").GetDecimal());
        Assert.Equal("USD", body.GetProperty("costCurrency").GetString());
        var trace = body.GetProperty("trace").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Contains(trace, l => l.StartsWith("Campaign \"Campaign fetch\""));
        Assert.Contains(trace, l => l.Contains("Default stream \"Everyone\"") && l.Contains("was chosen"));
        Assert.Contains(trace, l => l.Contains("chosen: the stream's only available offer"));
        Assert.Contains(trace, l => l.Contains($"https://offer.example/lp?sub1={subId}"));
    }

    [Fact]
    public async Task ClickApiRefusesMalformedUnknownAndUnauthenticatedLookups()
    {
        await using var app = CreateApp();
        var api = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/clicks/not-a-subid!", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/clicks/abcdefghijklmnopqrstuvwxyz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/clicks/abcdefghijklmnopqrstuvwxyz", Ct)).StatusCode);
    }

    [Fact]
    public async Task SavedChangeRoutesTheVeryNextClick()
    {
        await using var app = CreateApp();
        var (_, offer) = await app.SimpleCampaignAsync("live", "https://old.example/");
        Assert.Equal("old.example", (await app.Visitor().GetAsync("/live", Ct)).Headers.Location?.Host);

        await app.SeedAsync(db => db.Offers.Single(o => o.Id == offer.Id).Url = "https://new.example/", ChangeNotice.Offer);

        Assert.Equal("new.example", (await app.Visitor().GetAsync("/live", Ct)).Headers.Location?.Host);
    }

    [Fact]
    public async Task OfferSavedThroughTheApiRoutesTheVeryNextClick()
    {
        await using var app = CreateApp();
        var (_, offer) = await app.SimpleCampaignAsync("api-save", "https://before.example/");
        var api = app.CreateApiClient();
        Assert.Equal("before.example", (await app.Visitor().GetAsync("/api-save", Ct)).Headers.Location?.Host);
        var dto = await api.GetObjectAsync($"/api/v1/offers/{offer.Id}");

        dto["url"] = "https://after.example/?s={subid}";
        dto["redirectType"] = "meta";
        await (await api.PutJsonAsync($"/api/v1/offers/{offer.Id}", dto)).ExpectAsync(HttpStatusCode.OK);
        var next = await app.Visitor().GetAsync("/api-save", Ct);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("url=https://after.example/?s=", await next.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task HostileParametersCannotInjectHeadersOrParameters()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("safe", "https://offer.example/lp?s={sub_id_1}&k={keyword}");

        var response = await app.Visitor().GetAsync("/safe?sub_id_1=%0d%0aSet-Cookie:%20evil=1&keyword=a%26admin%3Dtrue%23x", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("https://offer.example/lp?s=%0D%0ASet-Cookie%3A%20evil%3D1&k=a%26admin%3Dtrue%23x", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task DestinationThatIsNotHttpFallsBackToDoingNothing()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("bad", "{_sub_id_1}");

        var response = await app.Visitor().GetAsync("/bad?sub_id_1=javascript:alert(1)", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Ct));
        var click = Assert.Single(await app.ClicksAsync());
        Assert.Contains(click.Trace, l => l.Contains("not an absolute http(s) URL"));
    }

    [Fact]
    public async Task StreamActionsAnswerWithoutAnOfferAndAreStillRecorded()
    {
        await using var app = CreateApp();
        var text = new CampaignStream { Name = "Text", Type = StreamType.Forced, Action = StreamAction.ShowText, ActionPayload = "<b>hello</b>", Filters = [Country(FilterMode.Include, "DE")] };
        var missing = new CampaignStream { Name = "404", Type = StreamType.Forced, Action = StreamAction.Status404, Filters = [Country(FilterMode.Include, "US")] };
        var nothing = new CampaignStream { Name = "Nothing", Type = StreamType.Default, Action = StreamAction.DoNothing };
        await app.AddCampaignAsync("acts", text, missing, nothing);

        var shown = await app.Visitor(GermanIp).GetAsync("/acts", Ct);
        var notFound = await app.Visitor(AmericanIp).GetAsync("/acts", Ct);
        var empty = await app.Visitor("10.0.0.1").GetAsync("/acts", Ct);

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("text/plain", shown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<b>hello</b>", await shown.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("", await empty.Content.ReadAsStringAsync(Ct));
        var clicks = await app.ClicksAsync();
        Assert.Equal(3, clicks.Count);
        Assert.All(clicks, c => Assert.Null(c.OfferId));
    }

    [Fact]
    public async Task LocalOfferWithoutUploadedContentAnswersAClear404()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("local", "", configure: o => o.IsLocal = true);

        var response = await app.Visitor().GetAsync("/local", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Offer content not uploaded", await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(Assert.Single(await app.ClicksAsync()).Trace, l => l.Contains("content is not uploaded"));
    }

    [Fact]
    public async Task LocalOfferPageIsTheClickResponseWithTheClicksMacrosAndSandbox()
    {
        await using var app = CreateApp();
        var (_, offer) = await app.SimpleCampaignAsync("landing");
        await app.CreateApiClient().UploadOkAsync(offer.Id, TestArchive.Landing("Welcome").ToBytes());

        var response = await app.Visitor(GermanIp).GetAsync("/landing", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var click = Assert.Single(await app.ClicksAsync());
        Assert.Contains($"href=\"https://network.example/c?s={click.SubId}&o={offer.Id}\"", html.Replace("&amp;", "&"));
        Assert.Contains("<base href=\"/lo/", html);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(offer.Id, click.OfferId);
        Assert.Contains(click.Trace, l => l.StartsWith("Served the local offer's page"));
    }

    [Fact]
    public async Task CpcClickEarnsThePayoutInTheBaseCurrency()
    {
        await using var app = CreateApp();
        var settings = app.Service<SettingsStore>();
        var edited = settings.Current;
        edited.ExchangeRates = new Dictionary<string, decimal> { ["EUR"] = 1.10m };
        Assert.True(await settings.SaveAsync(edited, Ct));
        await app.SimpleCampaignAsync("cpc", configure: o =>
        {
            o.PayoutType = PayoutType.Cpc;
            o.PayoutMicros = 20_000;
            o.PayoutCurrency = "EUR";
        });

        await app.Visitor().GetAsync("/cpc", Ct);

        Assert.Equal(22_000, Assert.Single(await app.ClicksAsync()).RevenueMicros);
    }

    [Fact]
    public async Task RegisteredCapGateCanSendTheClickToAnotherOffer()
    {
        await using var app = CreateApp(s => s.AddSingleton<IOfferCapGate, SwapToHighestId>());
        var capped = await app.AddOfferAsync("https://capped.example/");
        await app.AddOfferAsync("https://alternative.example/");
        await app.AddCampaignAsync("capped", OffersStream("All", StreamType.Default, (capped.Id, 100)));

        var response = await app.Visitor().GetAsync("/capped", Ct);

        Assert.Equal("alternative.example", response.Headers.Location?.Host);
        Assert.Contains("Cap reached; sent to the alternative.", Assert.Single(await app.ClicksAsync()).Trace);
    }

    [Fact]
    public async Task BaselineEndpointExistsOnlyWhenTheBenchmarkAsksForIt()
    {
        await using var plain = CreateApp();
        await using var bench = CreateApp(settings: new() { ["Tracker:Benchmark:BaselineEndpoint"] = "true" });

        Assert.Equal(HttpStatusCode.NotFound, (await plain.Visitor().GetAsync("/_bench/baseline", Ct)).StatusCode);
        var response = await bench.Visitor().GetAsync("/_bench/baseline", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await bench.ClicksAsync());
    }

    private sealed class SwapToHighestId : IOfferCapGate
    {
        public OfferCapDecision Decide(Offer offer, IReadOnlyDictionary<int, Offer> offers, DateTime nowUtc) =>
            new(offers.Values.MaxBy(o => o.Id)!, ["Cap reached; sent to the alternative."]);
    }
}
