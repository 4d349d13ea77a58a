using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using Tracker.Core.Clicks;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Clicks;
using Tracker.Web.Live;
using static Tracker.Tests.Integration.Clicks.ClickTestKit;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>The click writer itself: what is stored, what is refused, and what live views hear.</summary>
public sealed class ClickRecorderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Click NewClick(string? subId = null) => new()
    {
        SubId = subId ?? SubId.New(),
        CreatedAt = DateTime.UtcNow,
        CampaignId = 1,
        Parameters = new Dictionary<string, string> { ["sub_id_1"] = "a \"quoted\" <value> & more", ["keyword"] = "ünïcödé 😀" },
        Trace = ["Campaign \"x\" (#1); visitor country DE.", "Sent by http (302) redirect to https://o.example/?a=1&b=2"],
    };

    [Fact]
    public async Task ClickThatCannotBeStoredIsRefusedAloneAndTheOthersAreKept()
    {
        await using var app = CreateApp();
        _ = app.Server;
        var recorder = app.Service<ClickRecorder>();
        // The database refuses one click's row (as a full disk or a constraint would), not the others in its batch.
        var refused = SubId.New();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "tracker.db")};Pooling=False"))
        {
            connection.Open();
            using var trigger = connection.CreateCommand();
            trigger.CommandText = $"CREATE TRIGGER refuse_one BEFORE INSERT ON clicks WHEN NEW.SubId = '{refused}' BEGIN SELECT RAISE(ABORT, 'refused'); END";
            trigger.ExecuteNonQuery();
        }
        var clicks = Enumerable.Range(0, 40).Select(i => NewClick(i == 7 ? refused : null)).ToList();

        var results = await Task.WhenAll(clicks.Select(c => Task.Run(() => recorder.RecordAsync(c).AsTask(), Ct)));

        Assert.Equal(39, results.Count(ok => ok));
        Assert.False(results[7]);
        var stored = await app.ClicksAsync();
        Assert.Equal(39, stored.Count);
        Assert.DoesNotContain(stored, c => c.SubId == refused);
    }

    [Fact]
    public async Task StoredClickReadsBackExactlyThroughEf()
    {
        await using var app = CreateApp();
        _ = app.Server;
        var click = NewClick();
        click.StreamId = 3;
        click.IsUnique = true;
        click.CostMicros = 12_345;
        click.CostCurrency = "EUR";
        click.Country = "DE";
        click.UserAgent = "Mozilla/5.0 «test»";

        Assert.True(await app.Service<ClickRecorder>().RecordAsync(click));

        var read = Assert.Single(await app.ClicksAsync());
        Assert.Equal(click.SubId, read.SubId);
        Assert.Equal(click.CreatedAt, read.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, read.CreatedAt.Kind);
        Assert.Equal(3, read.StreamId);
        Assert.Null(read.OfferId);
        Assert.True(read.IsUnique);
        Assert.Equal(12_345, read.CostMicros);
        Assert.Equal("EUR", read.CostCurrency);
        Assert.Equal("Mozilla/5.0 «test»", read.UserAgent);
        Assert.Equal(click.Parameters, read.Parameters);
        Assert.Equal(click.Trace, read.Trace);
    }

    [Fact]
    public async Task LiveViewsHearAboutStoredClicksAtMostTenTimesASecond()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("live-clicks");
        var notices = new ConcurrentQueue<(ChangeNotice Notice, long At)>();
        var newest = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Service<ChangeFeed>().Subscribe(async n =>
        {
            if (n.Kind != ChangeNotice.Click) return;
            notices.Enqueue((n, System.Diagnostics.Stopwatch.GetTimestamp()));
            if (newest.Task.IsCompleted && n.Id >= await newest.Task) heard.TrySetResult();
        });
        var visitor = app.Visitor();

        for (var i = 0; i < 30; i++) await visitor.GetAsync("/live-clicks", Ct);
        var newestId = (await app.ClicksAsync()).Max(c => c.Id);
        newest.SetResult(newestId);
        if (!notices.Any(n => n.Notice.Id >= newestId)) await heard.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // However slowly or quickly the clicks came, the newest one is announced, ids only grow, and two
        // notices are never closer than the throttle's interval (less a little for timer granularity).
        var received = notices.ToList();
        Assert.Equal(newestId, received[^1].Notice.Id);
        Assert.True(received.Count <= 30, $"{received.Count} notices for 30 clicks");
        for (var i = 1; i < received.Count; i++)
        {
            Assert.True(received[i].Notice.Id > received[i - 1].Notice.Id, "notice ids grow");
            var gap = System.Diagnostics.Stopwatch.GetElapsedTime(received[i - 1].At, received[i].At);
            Assert.True(gap >= TimeSpan.FromMilliseconds(80), $"notices {gap.TotalMilliseconds:F0} ms apart");
        }
    }

    [Fact]
    public async Task ADatabaseLockedPastTheBusyTimeoutRefusesTheClickWith503AndKeepsNoTraceOfIt()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("locked");
        var visitor = app.Visitor();
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/locked?sub_id_1=before", Ct)).StatusCode);

        HttpResponseMessage refused;
        using (HoldWriteLock(app))
        {
            // Another writer (a long admin save, a backup, an operator's sqlite3 shell) keeps the
            // database past the writer's busy_timeout: the visitor is refused, not sent on unrecorded.
            refused = await visitor.GetAsync("/locked?sub_id_1=refused", Ct);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Temporarily unavailable", await refused.Content.ReadAsStringAsync(Ct));
        // A lock is not a disk problem: the health check does not page the operator for it.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/locked?sub_id_1=retry", Ct)).StatusCode);
        Assert.Equal(["before", "retry"], (await app.ClicksAsync()).Select(c => c.Parameters["sub_id_1"]));
    }

    [Fact]
    public async Task AFullQueueMakesClicksWaitForRoomAndNoneIsRefusedOrLost()
    {
        await using var app = CreateApp(settings: new() { ["Tracker:ClickQueueCapacity"] = "2", ["Tracker:ClickBatchSize"] = "1" });
        _ = app.Server;
        var recorder = app.Service<ClickRecorder>();
        var clicks = Enumerable.Range(0, 8).Select(_ => NewClick()).ToList();

        List<Task<bool>> results;
        using (HoldWriteLock(app))
        {
            // The writer takes one click and waits for the lock; two fill the queue; the other five
            // must wait for room. None may be answered while nothing can be written.
            results = [.. clicks.Select(c => recorder.RecordAsync(c).AsTask())];
            Assert.All(results, r => Assert.False(r.IsCompleted, "a click was answered before it could be written"));
        }

        Assert.All(await Task.WhenAll(results), Assert.True);
        Assert.Equal(clicks.Select(c => c.SubId).Order(), (await app.ClicksAsync()).Select(c => c.SubId).Order());
    }

    /// <summary>Takes SQLite's write lock on the app's database from another connection until disposed.</summary>
    private static SqliteConnection HoldWriteLock(TrackerApplication app)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "tracker.db")};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }
}
