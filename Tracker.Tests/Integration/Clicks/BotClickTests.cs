using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Api;
using Tracker.Tests.Integration.Security;
using Tracker.Web.Clicks;
using Tracker.Web.Conversions;
using Tracker.Web.Data;
using Tracker.Web.Services;
using static Tracker.Tests.Integration.Clicks.ClickTestKit;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>
/// Bots end to end over real HTTP (Kestrel, the visitor's address forwarded by a trusted loopback
/// proxy): bundled and operator lists mark clicks as bots, a forced "bot" stream shows them a safe
/// page, and they cost nothing, stay out of conversion caps and show as bots in the API, the clicks
/// list and reports.
/// </summary>
public sealed class BotClickTests : IDisposable
{
    private const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
    private const string SafePage = "Nothing to see here.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _lists = Path.Combine(Path.GetTempPath(), "tracker-tests", "bot-lists-" + Guid.NewGuid().ToString("N"));

    public BotClickTests()
    {
        Directory.CreateDirectory(_lists);
        File.WriteAllLines(Path.Combine(_lists, "my-agents.txt"), ["# crawlers we met", "TrackerTestCrawler"]);
        File.WriteAllLines(Path.Combine(_lists, "my-ranges.txt"), ["198.51.100.0/24   # a scraper's VPS", "2001:db8:bad::/48"]);
    }

    public void Dispose()
    {
        try { Directory.Delete(_lists, recursive: true); } catch (IOException) { /* the OS temp cleaner takes it */ }
    }

    private Dictionary<string, string?> OperatorLists(string? dataDirectory = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tracker:Bots:UserAgentLists:0"] = Path.Combine(_lists, "my-agents.txt"),
            ["Tracker:Bots:IpRangeLists:0"] = Path.Combine(_lists, "my-ranges.txt"),
        };
        if (dataDirectory is not null) settings["Tracker:DataDirectory"] = dataDirectory;
        return settings;
    }

    private static async Task<HttpResponseMessage> ClickAsync(RealHttpHost host, string? ip, string? userAgent, string path)
    {
        using var client = host.ViaTrustedProxy(ip);
        if (userAgent is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        return await client.GetAsync(path, Ct);
    }

    [Fact]
    public async Task BotsGetTheSafePageCostNothingAndShowAsBotsInTheApiTheClicksListAndReports()
    {
        await using var host = RealHttpHost.Start(OperatorLists());
        var app = host.App;
        var network = await app.AddNetworkAsync("&sub1={subid}");
        var offer = await app.AddOfferAsync("https://offer.example/lp", networkId: network.Id);
        var botStream = new CampaignStream
        {
            Name = "Bots", Type = StreamType.Forced, Action = StreamAction.ShowText, ActionPayload = SafePage,
            Filters = [new StreamFilter { Type = "bot", Mode = FilterMode.Include }],
        };
        await app.AddCampaignAsync("promo", botStream, OffersStream("People", StreamType.Default, (offer.Id, 100)));
        const string path = "/promo?cost=0.25&currency=USD";

        var person = await ClickAsync(host, GermanIp, Browser, path);
        Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
        Assert.Equal("offer.example", person.Headers.Location?.Host);

        (string? Ip, string? UserAgent, BotReason Reason)[] bots =
        [
            (GermanIp, null, BotReason.EmptyUserAgent),
            (GermanIp, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", BotReason.BotUserAgent),
            (GermanIp, "TrackerTestCrawler/0.1", BotReason.BotUserAgent),   // the operator's list
            ("3.120.5.17", Browser, BotReason.DatacenterIp),               // AWS, bundled IPv4
            ("2a01:4f8:c17:1::1", Browser, BotReason.DatacenterIp),       // Hetzner, bundled IPv6
            ("198.51.100.77", Browser, BotReason.DatacenterIp),            // the operator's IPv4 range
            ("2001:db8:bad:1::9", Browser, BotReason.DatacenterIp),        // the operator's IPv6 range
        ];
        foreach (var (ip, userAgent, _) in bots)
        {
            var response = await ClickAsync(host, ip, userAgent, path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{ip} {userAgent}: {(int)response.StatusCode}");
            Assert.Equal(SafePage, await response.Content.ReadAsStringAsync(Ct));
        }

        // Stored with the reason; bots keep the source's cost on the click but count 0.
        var clicks = await app.ClicksAsync();
        Assert.Equal(8, clicks.Count);
        Assert.Equal(BotReason.None, clicks[0].BotReason);
        Assert.Equal(250_000, clicks[0].CostBaseMicros);
        Assert.Equal(bots.Select(b => b.Reason), clicks.Skip(1).Select(c => c.BotReason));
        Assert.All(clicks.Skip(1), c => Assert.Equal((250_000L, 0L, botStream.Id), (c.CostMicros, c.CostBaseMicros, c.StreamId!.Value)));
        Assert.Contains(clicks[3].Trace, line => line.StartsWith("Bot: the user agent contains \"TrackerTestCrawler\" (list my-agents.txt)", StringComparison.Ordinal));
        Assert.Contains(clicks[4].Trace, line => line.StartsWith("Bot: the address 3.120.5.17 is in the datacenter range 3.0.0.0/9 (list bundled datacenter-ranges.txt)", StringComparison.Ordinal));
        Assert.Contains(clicks[7].Trace, line => line.Contains("2001:db8:bad::/48 (list my-ranges.txt)", StringComparison.Ordinal));
        Assert.Contains(clicks[4].Trace, line => line.StartsWith("A bot's cost is not counted", StringComparison.Ordinal));

        // The API says so.
        using var api = host.ViaTrustedProxy(null, TrackerApplication.TestApiKey);
        var bot = await (await api.GetAsync($"/api/v1/clicks/{clicks[5].SubId}", Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((true, "datacenter_ip", 0.25m, 0m), ((bool)bot["isBot"]!, (string?)bot["botReason"], (decimal)bot["cost"]!, (decimal)bot["costCounted"]!));
        var human = await (await api.GetAsync($"/api/v1/clicks/{clicks[0].SubId}", Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((false, "", 0.25m), ((bool)human["isBot"]!, (string?)human["botReason"], (decimal)human["costCounted"]!));

        // The clicks list filters them.
        var queries = app.Service<ClickQueries>();
        var onlyBots = await queries.ListAsync(new ClickQuery(Bots: true), Ct);
        Assert.Equal(7, onlyBots.Rows.Count);
        Assert.All(onlyBots.Rows, r => Assert.True(r.IsBot));
        Assert.Equal([clicks[0].SubId], (await queries.ListAsync(new ClickQuery(Bots: false), Ct)).Rows.Select(r => r.SubId));

        // Reports count them as bots and their cost as nothing, from the rollups and from the raw clicks alike.
        var today = DateTime.UtcNow;
        foreach (var groupBy in new[] { "stream", "source" })
        {
            var report = await (await api.PostJsonAsync("/api/v1/reports",
                $$"""{ "from": "{{today.AddDays(-1):yyyy-MM-dd}}", "to": "{{today.AddDays(1):yyyy-MM-dd}}", "timeZone": "UTC", "groupBy": ["{{groupBy}}"] }"""))
                .ExpectAsync(HttpStatusCode.OK);
            var totals = report["totals"]!;
            Assert.Equal((8L, 7L, 0.25m), ((long)totals["clicks"]!, (long)totals["bots"]!, (decimal)totals["cost"]!));
        }
        var byStream = await (await api.PostJsonAsync("/api/v1/reports",
            $$"""{ "from": "{{today.AddDays(-1):yyyy-MM-dd}}", "to": "{{today.AddDays(1):yyyy-MM-dd}}", "timeZone": "UTC", "groupBy": ["stream"], "sort": { "by": "bots" } }"""))
            .ExpectAsync(HttpStatusCode.OK);
        var first = byStream["rows"]!.AsArray()[0]!;
        Assert.Equal(("Bots", 7L, 0m), ((string?)first["streamName"], (long)first["bots"]!, (decimal)first["cost"]!));
    }

    [Fact]
    public async Task ABotsConversionIsRecordedButNeverCountsTowardTheCapEvenAfterARestart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tracker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            int cappedId;
            await using (var host = RealHttpHost.Start(OperatorLists(dataDirectory)))
            {
                var app = host.App;
                var network = await app.AddNetworkAsync("&sub1={subid}");
                var alternative = await app.AddOfferAsync("https://alternative.example/", networkId: network.Id);
                var capped = await app.AddOfferAsync("https://capped.example/", networkId: network.Id, configure: o =>
                    o.ConversionCap = new ConversionCap { Enabled = true, DailyLimit = 1, TimeZone = "UTC", AlternativeOfferId = alternative.Id });
                cappedId = capped.Id;
                await app.AddCampaignAsync("capped", OffersStream("Everyone", StreamType.Default, (capped.Id, 100)));
                var key = app.Service<SettingsStore>().Current.PostbackKey;
                using var network1 = host.ViaTrustedProxy(null);

                async Task<Uri> ClickCappedAsync(string? ip, string? userAgent) =>
                    (await ClickAsync(host, ip, userAgent, "/capped")).Headers.Location ?? throw new InvalidOperationException("no redirect");
                async Task ConvertAsync(Uri location) =>
                    Assert.Equal(HttpStatusCode.OK, (await network1.GetAsync($"/{key}/postback?subid={SubIdFrom(location)}&status=sale&payout=5", Ct)).StatusCode);

                // A bot (no cap filter on this campaign) reaches the capped offer and converts: recorded, not counted.
                var botClick = await ClickCappedAsync("198.51.100.4", Browser);
                Assert.Equal("capped.example", botClick.Host);
                await ConvertAsync(botClick);
                Assert.Equal(0, app.Service<ConversionCapCounter>().TodayCount(capped.Id));
                await using (var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct))
                    Assert.Equal(1, await db.Conversions.CountAsync(Ct));

                // So a person still gets the capped offer; their conversion fills the cap.
                var personClick = await ClickCappedAsync(AmericanIp, Browser);
                Assert.Equal("capped.example", personClick.Host);
                await ConvertAsync(personClick);
                Assert.Equal(1, app.Service<ConversionCapCounter>().TodayCount(capped.Id));
                Assert.Equal("alternative.example", (await ClickCappedAsync(AmericanIp, Browser)).Host);
            }

            // After a restart the counter is loaded from the database, still without the bot's conversion.
            await using var again = RealHttpHost.Start(OperatorLists(dataDirectory));
            Assert.Equal(1, again.App.Service<ConversionCapCounter>().TodayCount(cappedId));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { /* the OS temp cleaner takes it */ }
        }
    }

    [Fact]
    public async Task TheApiSavesABotFilterAndRefusesOneWithValuesNamingTheField()
    {
        await using var app = new TrackerApplication();
        var api = app.CreateApiClient();
        const string stream = """{ "name": "Bots", "type": "forced", "filters": [ { "type": "bot", "mode": "include"VALUES } ], "action": "show_text", "actionPayload": "Hello" }""";
        string Campaign(string alias, string values) => $$"""{ "name": "Promo", "alias": "{{alias}}", "uniquenessHours": 24, "streams": [ {{stream.Replace("VALUES", values)}} ] }""";

        var saved = await (await api.PostJsonAsync("/api/v1/campaigns", Campaign("promo", ""))).ExpectAsync(HttpStatusCode.Created);
        var filter = saved["streams"]![0]!["filters"]![0]!;
        Assert.Equal(("bot", "include", 0), ((string?)filter["type"], (string?)filter["mode"], filter["values"]!.AsArray().Count));

        var errors = await (await api.PostJsonAsync("/api/v1/campaigns", Campaign("promo2", """, "values": ["yes"]"""))).ExpectValidationProblemAsync();
        Assert.Equal(["The bot filter takes no values: choose include (bots only) or exclude (no bots)."], errors["streams[0].filters[0].values"]);
    }

    [Fact]
    public async Task ABadOperatorListStopsTheStartUpNamingTheFileAndLine()
    {
        File.WriteAllLines(Path.Combine(_lists, "broken.txt"), ["203.0.113.0/24", "203.0.113.300/32"]);
        await using var app = new TrackerApplication(new() { ["Tracker:Bots:IpRangeLists:0"] = Path.Combine(_lists, "broken.txt") });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var message = error.ToString();
        Assert.Contains("broken.txt, line 2: '203.0.113.300/32' is not an IPv4 or IPv6 network", message);
    }
}
