using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Api;
using Tracker.Tests.Integration.Clicks;
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
