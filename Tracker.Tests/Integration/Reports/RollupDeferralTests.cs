using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tracker.Core.Reports;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Api;
using Tracker.Tests.Integration.Clicks;
using Tracker.Web.Data;
using static Tracker.Tests.Integration.Clicks.ClickTestKit;

namespace Tracker.Tests.Integration.Reports;

/// <summary>
/// The click writer adds clicks to the report rollups a few times a second, not with every commit.
/// Here it waits an hour (Tracker:RollupWriteMilliseconds), so only what the feature promises can make
/// these pass: a report counts every click answered before it; a stop writes them; after a kill -9 the
/// next start counts them.
/// </summary>
public sealed class RollupDeferralTests
{
    private const string AnHour = "3600000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReportCountsEveryClickAnsweredBeforeIt()
    {
        await using var app = CreateApp(settings: new() { ["Tracker:RollupWriteMilliseconds"] = AnHour });
        await app.SimpleCampaignAsync("held", "https://offer.example/lp?s={subid}");
        var visitor = app.Visitor(GermanIp);
        var api = app.CreateApiClient();
        for (var round = 1; round <= 3; round++)
        {
            for (var i = 0; i < 7; i++)
                Assert.Equal(HttpStatusCode.Found, (await visitor.GetAsync("/held", Ct)).StatusCode);
            Assert.Equal(7L * round, await ReportedClicksAsync(api));
        }
    }

    [Fact(Timeout = 240_000)]
    public async Task ClicksNotYetInTheRollupsWhenTheProcessDiesAreCountedAtTheNextStartAndAStopWritesThem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var tracker = new TrackerProcess(Path.Combine(Path.GetTempPath(), "tracker-tests", "process-" + Guid.NewGuid().ToString("N")));
        tracker.Settings["Tracker__RollupWriteMilliseconds"] = AnHour;
        await ClickDurabilityTests.SeedAsync(tracker, ct);
        await tracker.StartAsync(ct);
        await ClickAsync(tracker, 40);

        // Stored, answered, and still only in the writer's memory as far as the rollups go.
        Assert.Equal((40L, 0L, 0L), Counts(tracker));
        await tracker.KillAsync();

        await tracker.StartAsync(ct);
        Assert.Contains("40 clicks recorded before the last stop were not yet in the report rollups", tracker.Output);
        Assert.Equal((40L, 40L, 40L), Counts(tracker));
        using var api = new HttpClient { BaseAddress = tracker.BaseAddress };
        api.DefaultRequestHeaders.Add("Api-Key", TrackerApplication.TestApiKey);
        Assert.Equal(40L, await ReportedClicksAsync(api));

        // A polite stop writes what the writer holds.
        await ClickAsync(tracker, 5);
        Assert.Equal((45L, 40L, 40L), Counts(tracker));
        Assert.Equal(0, await tracker.TerminateAsync(ct));
        Assert.Equal((45L, 45L, 45L), Counts(tracker));
    }

    [Fact]
    public async Task AnUpgradedDatabaseCountsItsClicksOnce()
    {
        // A database from before the mark, with two clicks already in its rollups.
        await using var app = CreateApp();
        var path = Path.Combine(app.DataDirectory, "tracker.db");
        var options = new DbContextOptionsBuilder<TrackerDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using (var db = new TrackerDbContext(options))
            await db.GetService<IMigrator>().MigrateAsync("20261130144105_ClicksWithoutAutoincrement", cancellationToken: Ct);
        var clickedAt = DateTime.UtcNow.AddMinutes(-30);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var seed = connection.CreateCommand();
            seed.CommandText = $$"""
                INSERT INTO clicks (SubId, CreatedAt, CampaignId, Country, Ip, UserAgent, Referrer, Language, IsUnique, Parameters, CostMicros, CostCurrency, RevenueMicros, Trace)
                VALUES ('q7c2m5nhp4r6t3vjw2x5y7z4ab', '{{clickedAt:yyyy-MM-dd HH:mm:ss}}', 1, 'DE', '', '', '', '', 1, '{}', 0, '', 0, '[]'),
                       ('a6m3k2zq4rjh7wvx2bd5ncy3pe', '{{clickedAt:yyyy-MM-dd HH:mm:ss}}', 1, 'DE', '', '', '', '', 1, '{}', 0, '', 0, '[]');
                INSERT INTO report_rollups (Grain, Bucket, CampaignId, StreamId, OfferId, AffiliateNetworkId, Country, Clicks, UniqueClicks, CostMicros, ClickRevenueMicros,
                    Leads, Sales, Rejected, Rebills, RevenueMicros, RevenueHoldMicros, LeadsAtConversion, SalesAtConversion, RejectedAtConversion, RebillsAtConversion,
                    RevenueMicrosAtConversion, RevenueHoldMicrosAtConversion, BotClicks)
                VALUES (0, {{ReportTime.Quarter(clickedAt)}}, 1, 0, 0, 0, 'DE', 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
                UPDATE report_rollup_state SET DayZone = NULL, DayBuiltUntil = 0 WHERE Id = 1;
                """;
            await seed.ExecuteNonQueryAsync(Ct);
        }

        // The first start migrates: the rollups already count both, so nothing is added to them.
        var api = app.CreateApiClient();
        Assert.Equal(2L, await ReportedClicksAsync(api));
        await using (var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var through = connection.CreateCommand();
            through.CommandText = "SELECT ClicksThrough FROM report_rollup_state WHERE Id = 1";
            Assert.Equal(2L, await through.ExecuteScalarAsync(Ct));
        }
    }

    private static async Task ClickAsync(TrackerProcess tracker, int count)
    {
        using var visitor = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = tracker.BaseAddress };
        for (var i = 0; i < count; i++)
            Assert.Equal(HttpStatusCode.Found, (await visitor.GetAsync($"/{ClickDurabilityTests.Alias}?sub_id_1={i}", Ct)).StatusCode);
    }

    /// <summary>Clicks stored, clicks in the 15-minute rollups, and the id the rollups count through.</summary>
    private static (long Stored, long Rolled, long Through) Counts(TrackerProcess tracker)
    {
        using var connection = new SqliteConnection($"Data Source={tracker.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM clicks),
                   (SELECT COALESCE(SUM(Clicks), 0) FROM report_rollups WHERE Grain = 0),
                   (SELECT ClicksThrough FROM report_rollup_state WHERE Id = 1)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<long> ReportedClicksAsync(HttpClient api)
    {
        var today = DateTime.UtcNow.Date;
        var report = await (await api.PostJsonAsync("/api/v1/reports",
            $$"""{ "from": "{{today.AddDays(-1):yyyy-MM-dd}}", "to": "{{today.AddDays(1):yyyy-MM-dd}}", "timeZone": "UTC", "groupBy": ["country"] }"""))
            .ExpectAsync(HttpStatusCode.OK);
        return report["rows"]!.AsArray().Sum(r => r!["clicks"]!.GetValue<long>());
    }
}
