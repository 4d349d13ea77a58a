using System.Net;
using System.Text.Json.Nodes;
using Tracker.Core.Settings;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Api;
using Tracker.Web.Reports;
using Tracker.Web.Services;
using static Tracker.Tests.Integration.Clicks.ClickTestKit;

namespace Tracker.Tests.Integration.Reports;

/// <summary>POST /api/v1/reports over real HTTP: clicks and postbacks through their real endpoints, then the report.</summary>
public sealed class ReportsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportAskedRightAfterEachPostbackShowsItsMoneyWhereItBelongs()
    {
        await using var app = CreateApp();
        _ = app.Server;
        var store = app.Service<SettingsStore>();
        Assert.True(await store.SaveAsync(new TrackerSettings
        {
            BaseCurrency = "USD", TimeZone = "Europe/Berlin", ExchangeRates = new() { ["EUR"] = 1.1m }, Version = store.Current.Version,
        }, Ct));
        var network = await app.AddNetworkAsync("&sub1={subid}");
        var (_, offer) = await app.SimpleCampaignAsync("promo", networkId: network.Id, configure: o =>
        {
            o.Name = "Casino DE";
            o.PayoutAuto = true;
            o.PayoutCurrency = "USD";
        });
        var visitor = app.Visitor(GermanIp);
        var subId = SubIdFrom((await visitor.GetAsync("/promo?cost=0.5&currency=EUR&sub_id_1=banner", Ct)).Headers.Location);
        await visitor.GetAsync("/promo?cost=0.5&currency=EUR&sub_id_1=video", Ct);
        var api = app.CreateApiClient();
        var postbacks = app.CreateClient();
        var body = $$"""{ "from": "{{DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}}", "to": "{{DateTime.UtcNow.AddDays(1):yyyy-MM-dd}}", "groupBy": ["offer"] }""";

        async Task<JsonObject> ReportAsync(string json) => await (await api.PostJsonAsync("/api/v1/reports", json)).ExpectAsync(HttpStatusCode.OK);
        async Task PostbackAsync(string query) =>
            Assert.Equal(HttpStatusCode.OK, (await postbacks.GetAsync($"/{store.Current.PostbackKey}/postback?subid={subId}&{query}", Ct)).StatusCode);

        var report = await ReportAsync(body);
        var row = report["rows"]!.AsArray().Single()!;
        Assert.Equal((offer.Id, "Casino DE"), (row["offerId"]!.GetValue<int>(), row["offerName"]!.GetValue<string>()));
        Assert.Equal((2L, 1.1m, 0.55m, -1.1m, -100m), (row["clicks"]!.GetValue<long>(), row["cost"]!.GetValue<decimal>(), row["cpc"]!.GetValue<decimal>(), row["profit"]!.GetValue<decimal>(), row["roi"]!.GetValue<decimal>()));
        Assert.Equal(0m, row["epc"]!.GetValue<decimal>());
        Assert.Equal(("USD", "Europe/Berlin", "click"), (report["currency"]!.GetValue<string>(), report["timeZone"]!.GetValue<string>(), report["attribution"]!.GetValue<string>()));

        await PostbackAsync("status=lead&payout=20");
        row = (await ReportAsync(body))["rows"]!.AsArray().Single()!;
        Assert.Equal((1L, 1L, 0m, 20m, 50m), (row["leads"]!.GetValue<long>(), row["conversions"]!.GetValue<long>(), row["revenue"]!.GetValue<decimal>(), row["revenueHold"]!.GetValue<decimal>(), row["cr"]!.GetValue<decimal>()));

        await PostbackAsync("status=sale");
        row = (await ReportAsync(body))["rows"]!.AsArray().Single()!;
        Assert.Equal((0L, 1L, 20m, 0m, 18.9m), (row["leads"]!.GetValue<long>(), row["sales"]!.GetValue<long>(), row["revenue"]!.GetValue<decimal>(), row["revenueHold"]!.GetValue<decimal>(), row["profit"]!.GetValue<decimal>()));

        // By traffic-source parameter: read from the clicks, conversions joined.
        var bySubId = await ReportAsync(body.Replace("\"offer\"", "\"sub_id_1\""));
        var banner = bySubId["rows"]!.AsArray().Single(r => r!["sub_id_1"]!.GetValue<string>() == "banner")!;
        Assert.Equal((1L, 1L, 20m), (banner["clicks"]!.GetValue<long>(), banner["sales"]!.GetValue<long>(), banner["revenue"]!.GetValue<decimal>()));
        Assert.Equal(2L, bySubId["totals"]!["clicks"]!.GetValue<long>());

        await PostbackAsync("status=rejected");
        var totals = (await ReportAsync(body))["totals"]!;
        Assert.Equal((0L, 1L, 0m, 0m), (totals["conversions"]!.GetValue<long>(), totals["rejected"]!.GetValue<long>(), totals["revenue"]!.GetValue<decimal>(), totals["revenueHold"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task RevenueWaitingForARateReachesTheReportWhenTheRateIsAddedAndRebuildAgrees()
    {
        await using var app = CreateApp();
        _ = app.Server;
        var store = app.Service<SettingsStore>();
        var network = await app.AddNetworkAsync("&sub1={subid}");
        var (_, offer) = await app.SimpleCampaignAsync("brl", networkId: network.Id, configure: o => { o.PayoutAuto = true; o.Rebills = true; });
        var subId = SubIdFrom((await app.Visitor(GermanIp).GetAsync("/brl", Ct)).Headers.Location);
        var api = app.CreateApiClient();
        var postbacks = app.CreateClient();
        async Task PostbackAsync(string query) =>
            Assert.Equal(HttpStatusCode.OK, (await postbacks.GetAsync($"/{store.Current.PostbackKey}/postback?subid={subId}&{query}", Ct)).StatusCode);
        var body = $$"""{ "from": "{{DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}}", "to": "{{DateTime.UtcNow.AddDays(1):yyyy-MM-dd}}", "groupBy": ["offer"], "timeZone": "UTC" }""";
        async Task<JsonNode> TotalsAsync() => (await (await api.PostJsonAsync("/api/v1/reports", body)).ExpectAsync(HttpStatusCode.OK))["totals"]!;

        // A sale and a rebill in BRL, which has no rate yet: counted, but no revenue until the rate exists.
        await PostbackAsync("status=sale&payout=50&currency=BRL&tid=t1");
        await PostbackAsync("status=rebill&payout=10&currency=BRL&tid=t2");
        var waiting = await TotalsAsync();
        Assert.Equal((1L, 1L, 0m), (waiting["sales"]!.GetValue<long>(), waiting["rebills"]!.GetValue<long>(), waiting["revenue"]!.GetValue<decimal>()));

        Assert.True(await store.SaveAsync(new TrackerSettings
        {
            BaseCurrency = store.Current.BaseCurrency, TimeZone = store.Current.TimeZone,
            ExchangeRates = new() { ["BRL"] = 0.2m }, Version = store.Current.Version,
        }, Ct));

        var converted = await TotalsAsync();
        Assert.Equal((1L, 1L, 12m), (converted["sales"]!.GetValue<long>(), converted["rebills"]!.GetValue<long>(), converted["revenue"]!.GetValue<decimal>()));
        Assert.Equal(offer.Id, (await (await api.PostJsonAsync("/api/v1/reports", body)).ExpectAsync(HttpStatusCode.OK))["rows"]!.AsArray().Single()!["offerId"]!.GetValue<int>());

        // Rebuilding from the raw rows gives the same money.
        await app.Service<RollupBuilder>().RebuildAllAsync(store.Current.TimeZone, Ct);
        Assert.Equal(12m, (await TotalsAsync())["revenue"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task RowsComeWithGroupNamesTimeKeysTotalsAndTheTruncatedFlag()
    {
        await using var app = CreateApp();
        var (_, offer) = await app.SimpleCampaignAsync("promo");
        for (var i = 0; i < 3; i++) await app.Visitor(i == 0 ? GermanIp : AmericanIp).GetAsync("/promo", Ct);
        var api = app.CreateApiClient();
        var from = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");

        var report = await (await api.PostJsonAsync("/api/v1/reports",
            $$"""{ "from": "{{from}}", "to": "{{to}}", "timeZone": "UTC", "groupBy": ["day", "country", "campaign"], "sort": { "by": "clicks", "desc": true }, "limit": 1 }"""))
            .ExpectAsync(HttpStatusCode.OK);
        var row = report["rows"]!.AsArray().Single()!;
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), row["day"]!.GetValue<string>());
        Assert.Equal(("US", "United States", 2L), (row["country"]!.GetValue<string>(), row["countryName"]!.GetValue<string>(), row["clicks"]!.GetValue<long>()));
        Assert.Equal("Campaign promo", row["campaignName"]!.GetValue<string>());
        Assert.True(report["truncated"]!.GetValue<bool>());
        Assert.Equal(3L, report["totals"]!["clicks"]!.GetValue<long>());
        Assert.Equal(["day", "country", "campaign"], report["groupBy"]!.AsArray().Select(g => g!.GetValue<string>()));

        // A deleted offer keeps its numbers under "#id".
        await app.SeedAsync(db => db.Offers.Remove(db.Offers.Single(o => o.Id == offer.Id)), Tracker.Web.Live.ChangeNotice.Offer);
        var byOffer = await (await api.PostJsonAsync("/api/v1/reports", $$"""{ "from": "{{from}}", "to": "{{to}}", "groupBy": ["offer"] }""")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"#{offer.Id}", byOffer["rows"]![0]!["offerName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "to": "2026-11-30" }""", "from")]
    [InlineData("""{ "from": "yesterday", "to": "2026-11-30" }""", "from")]
    [InlineData("""{ "from": "2026-11-30", "to": "2026-13-01" }""", "to")]
    [InlineData("""{ "from": "2026-11-30", "to": "2026-11-01" }""", "to")]
    [InlineData("""{ "from": "1970-01-01", "to": "2026-11-01" }""", "from")]
    [InlineData("""{ "from": "2026-11-01", "to": "2200-01-01" }""", "to")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "timeZone": "Mars/Olympus" }""", "timeZone")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "groupBy": ["offer", "planet"] }""", "groupBy")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "groupBy": ["offer", "offer"] }""", "groupBy")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "groupBy": ["day", "offer", "country", "campaign"] }""", "groupBy")]
    [InlineData("""{ "from": "2026-10-01", "to": "2026-11-30", "groupBy": ["hour"] }""", "groupBy")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "groupBy": "offer" }""", "groupBy")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "filters": { "offerId": "abc" } }""", "filters.offerId")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "filters": { "campaignId": -3 } }""", "filters.campaignId")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "filters": { "country": "Germany" } }""", "filters.country")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "filters": { "sub_id_1": { "a": 1 } } }""", "filters.sub_id_1")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "filters": { "planet": "mars" } }""", "filters.planet")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "filters": { "day": "2026-11-02" } }""", "filters.day")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "sort": { "by": "money" } }""", "sort.by")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "sort": { "by": "revenue", "desc": "yes" } }""", "sort.desc")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "limit": 0 }""", "limit")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "limit": 10001 }""", "limit")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "limit": "ten" }""", "limit")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", "attribution": "postback" }""", "attribution")]
    [InlineData("""{ "from": "2026-11-01", "to": "2026-11-30", """, "to")]
    [InlineData("""[1, 2]""", "body")]
    public async Task EveryBadRequestIsA400NamingTheField(string json, string field)
    {
        await using var app = new TrackerApplication();
        var errors = await (await app.CreateApiClient().PostJsonAsync("/api/v1/reports", json)).ExpectValidationProblemAsync();
        Assert.True(errors.ContainsKey(field), $"expected an error on '{field}', got: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        Assert.All(errors[field], m => Assert.False(string.IsNullOrWhiteSpace(m)));
    }

    [Fact]
    public async Task ReportsNeedTheApiKeyAndAreDescribedInOpenApi()
    {
        await using var app = new TrackerApplication();
        var response = await app.CreateClient().PostJsonAsync("/api/v1/reports", """{ "from": "2026-11-01", "to": "2026-11-30" }""");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/api/v1/openapi.json", Ct))!;
        var post = document["paths"]!["/api/v1/reports"]!["post"]!;
        Assert.Equal("Run a report", post["summary"]!.GetValue<string>());
        Assert.NotNull(post["responses"]!["400"]);
        Assert.EndsWith("ReportRequestDto", post["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }
}
