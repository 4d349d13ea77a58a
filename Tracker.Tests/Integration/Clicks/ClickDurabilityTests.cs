using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Campaigns;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>The real process under concurrent clicks, stopped the hard way and the polite way.</summary>
public sealed class ClickDurabilityTests
{
    internal const string Alias = "durable";

    [Fact(Timeout = 180_000)]
    public async Task EveryAcknowledgedClickSurvivesAKillNine()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var tracker = await StartSeededAsync(ct);

        const int workers = 16;
        var load = new ClickLoad(tracker.BaseAddress);
        var running = load.RunAsync(workers);
        await load.WaitForAcknowledgedAsync(500, ct);
        // Another writer (a long admin save, a backup) holds the database while the process dies: the
        // clicks queued behind it were never committed, so none of them may have been answered. The
        // kill comes once every worker waits on a click sent after the lock was taken.
        using (var blocker = tracker.HoldWriteLock())
        {
            await load.WaitForQueuedBehindAsync(load.Sent, workers, ct);
            await tracker.KillAsync();
        }
        await running;
        var acknowledged = load.Acknowledged.ToList();
        Assert.True(load.FailuresAfterStop > 0, "the kill should have cut requests that were still in flight");

        await tracker.StartAsync(ct);
        using var api = new HttpClient { BaseAddress = tracker.BaseAddress };
        api.DefaultRequestHeaders.Add("Api-Key", TrackerApplication.TestApiKey);
        var missing = new List<string>();
        foreach (var subId in acknowledged)
            if ((await api.GetAsync($"/api/v1/clicks/{subId}", ct)).StatusCode != HttpStatusCode.OK)
                missing.Add(subId);

        Assert.True(acknowledged.Count >= 500);
        Assert.Empty(missing);
        Assert.Equal(0, await tracker.TerminateAsync(ct));
    }

    [Fact(Timeout = 180_000)]
    public async Task SigtermWritesEveryClickAnsweredBeforeTheProcessExits()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var tracker = await StartSeededAsync(ct);

        var load = new ClickLoad(tracker.BaseAddress);
        var running = load.RunAsync(workers: 16);
        await load.WaitForAcknowledgedAsync(300, ct);
        var exitCode = await tracker.TerminateAsync(ct);
        await running;

        Assert.Equal(0, exitCode);
        var stored = tracker.StoredSubIds();
        Assert.All(load.Acknowledged, subId => Assert.Contains(subId, stored));
        Assert.True(stored.Count >= load.Acknowledged.Count);
    }

    [Fact(Timeout = 300_000)]
    public async Task EveryAcknowledgedClickSurvivesAKillNineAfterTheWalWasCheckpointed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var tracker = await StartSeededAsync(ct);

        var load = new ClickLoad(tracker.BaseAddress);
        var running = load.RunAsync(workers: 16);
        // Past the writer's own checkpoint (every 8,192 rows), after which the WAL starts over from its
        // top, and until the database file itself holds them: the checkpoints have copied those pages.
        await load.WaitForAcknowledgedAsync(9_000, ct, TimeSpan.FromMinutes(3));
        await ClickLoad.WaitUntilAsync(() => ClicksInTheDatabaseFileAlone(tracker) >= 8_192, "8,192 clicks checkpointed into the database file", ct);
        // Then more clicks, written to the restarted WAL, and the process dies mid-load.
        await load.WaitForAcknowledgedAsync(load.Acknowledged.Count + 500, ct);
        await tracker.KillAsync();
        await running;
        var acknowledged = load.Acknowledged.ToList();

        await tracker.StartAsync(ct);
        var stored = tracker.StoredSubIds();
        var missing = acknowledged.Where(subId => !stored.Contains(subId)).ToList();
        Assert.Empty(missing);
        Assert.Equal(0, await tracker.TerminateAsync(ct));
    }

    [Fact(Timeout = 180_000)]
    public async Task AClickWriterThatDiesRefusesVisitorsWith503AndLosesNoAcknowledgedClick()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var tracker = await StartSeededAsync(ct);
        var acknowledged = new List<string>();
        using (var visitor = Visitor(tracker))
        {
            for (var i = 0; i < 20; i++)
            {
                using var response = await visitor.GetAsync($"/{Alias}?sub_id_1={i}", ct);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                acknowledged.Add(ClickTestKit.SubIdFrom(response.Headers.Location));
            }
        }
        Assert.Equal(0, await tracker.TerminateAsync(ct));

        // A trigger on clicks that names a missing table (say, left by a half-applied manual change):
        // the writer cannot prepare its insert, so its thread ends at start-up.
        Execute(tracker, "CREATE TRIGGER clicks_audit AFTER INSERT ON clicks BEGIN INSERT INTO click_audit (SubId) VALUES (new.SubId); END");
        await tracker.StartAsync(ct, healthy: false);
        await ClickLoad.WaitUntilAsync(() => tracker.Output.Contains("The click writer failed; clicks are refused until the tracker is restarted", StringComparison.Ordinal),
            "the writer's failure in the log", ct);
        using (var visitor = Visitor(tracker))
        {
            // Answered at once (no visitor waits for a writer that is gone), and no subid is handed out.
            for (var i = 0; i < 3; i++)
            {
                using var refused = await visitor.GetAsync($"/{Alias}?sub_id_1=after{i}", ct);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Null(refused.Headers.Location);
                Assert.Contains("Temporarily unavailable", await refused.Content.ReadAsStringAsync(ct));
            }
            // Uptime monitoring sees it too: /health answers 503 and says why.
            using var health = await visitor.GetAsync("/health", ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("the click writer stopped", await health.Content.ReadAsStringAsync(ct));
        }
        Assert.Equal(0, await tracker.TerminateAsync(ct));

        var stored = tracker.StoredSubIds();
        Assert.Equal(acknowledged.Order(), stored.Order());

        // Once the cause is removed, a restart brings the writer back.
        Execute(tracker, "DROP TRIGGER clicks_audit");
        await tracker.StartAsync(ct);
        using (var visitor = Visitor(tracker))
            Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"/{Alias}?sub_id_1=restarted", ct)).StatusCode);
        Assert.Equal(0, await tracker.TerminateAsync(ct));
        Assert.Equal(acknowledged.Count + 1, tracker.StoredSubIds().Count);
    }

    private static HttpClient Visitor(TrackerProcess tracker) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = tracker.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static void Execute(TrackerProcess tracker, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={tracker.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Clicks in <c>tracker.db</c> without its WAL: what checkpoints have copied so far. Read from a copy
    /// (the live file is being written); -1 when the copy caught a checkpoint half-way.
    /// </summary>
    private static long ClicksInTheDatabaseFileAlone(TrackerProcess tracker)
    {
        var copy = Path.Combine(tracker.DataDirectory, "checkpointed-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            File.Copy(tracker.DatabasePath, copy);
            using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM clicks";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return -1;
        }
        finally
        {
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" }) File.Delete(file);
        }
    }

    /// <summary>A tracker process on a fresh data directory with <see cref="SeedAsync"/>'s campaign, started.</summary>
    private static async Task<TrackerProcess> StartSeededAsync(CancellationToken ct)
    {
        var tracker = new TrackerProcess(NewDataDirectory());
        try
        {
            await SeedAsync(tracker, ct);
            await tracker.StartAsync(ct);
            return tracker;
        }
        catch
        {
            await tracker.DisposeAsync();
            throw;
        }
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "tracker-tests", "process-" + Guid.NewGuid().ToString("N"));

    internal static async Task SeedAsync(TrackerProcess tracker, CancellationToken ct)
    {
        await using var db = tracker.OpenDatabase();
        await db.Database.MigrateAsync(ct);
        var network = db.AffiliateNetworks.Add(new AffiliateNetwork { Name = "Net", OfferParameters = "&sub1={subid}" }).Entity;
        await db.SaveChangesAsync(ct);
        var offers = Enumerable.Range(1, 3)
            .Select(i => db.Offers.Add(new Offer { Name = $"O{i}", Url = $"https://o{i}.example/lp?n={{sub_id_1}}", AffiliateNetworkId = network.Id }).Entity)
            .ToList();
        await db.SaveChangesAsync(ct);
        db.Campaigns.Add(new Campaign
        {
            Name = "Durable",
            Alias = Alias,
            Streams =
            [
                new CampaignStream
                {
                    Name = "All", Type = StreamType.Default, Position = 0,
                    Offers = [.. offers.Select(o => new StreamOffer { OfferId = o.Id, Share = 10 })],
                },
            ],
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Workers clicking until the tracker stops answering; a click counts once its 302 is fully received.</summary>
    private sealed class ClickLoad(Uri baseAddress)
    {
        private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        private int _sequence;
        private int _failures;

        public ConcurrentBag<string> Acknowledged { get; } = [];

        public int FailuresAfterStop => _failures;

        public Task RunAsync(int workers) => Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)));

        private int _inFlight;
        private readonly ConcurrentDictionary<int, byte> _pending = new();

        /// <summary>How many clicks were sent so far (numbered 1, 2, …).</summary>
        public int Sent => Volatile.Read(ref _sequence);

        public Task WaitForAcknowledgedAsync(int count, CancellationToken ct, TimeSpan? limit = null) =>
            WaitUntilAsync(() => Acknowledged.Count >= count, $"{count} acknowledged clicks", ct, limit);

        /// <summary>Every worker has a click numbered above <paramref name="sentBefore"/> in flight, unanswered.</summary>
        public Task WaitForQueuedBehindAsync(int sentBefore, int workers, CancellationToken ct) =>
            WaitUntilAsync(() => Volatile.Read(ref _inFlight) == workers && _pending.Keys.All(n => n > sentBefore),
                $"{workers} clicks waiting behind the lock", ct);

        /// <summary>Polls a condition, bounded (60 s unless told): a tracker that stops answering fails the test with what it waited for.</summary>
        public static async Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken ct, TimeSpan? limit = null)
        {
            var bound = limit ?? TimeSpan.FromSeconds(60);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(bound);
            try
            {
                while (!condition()) await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Assert.Fail($"Waited {bound.TotalSeconds:0} s for {what}.");
            }
        }

        private async Task WorkAsync()
        {
            while (true)
            {
                var n = Interlocked.Increment(ref _sequence);
                _pending[n] = 0;
                Interlocked.Increment(ref _inFlight);
                try
                {
                    using var response = await SendAsync(n);
                    if (response.StatusCode != HttpStatusCode.Redirect)
                    {
                        // 503 while shutting down: the click was refused, and its subid never handed out.
                        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                        Assert.Null(response.Headers.Location);
                        continue;
                    }
                    var location = response.Headers.Location!;
                    Assert.Contains($"n={n}&", location.Query);
                    Acknowledged.Add(ClickTestKit.SubIdFrom(location));
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref _failures);
                    return;
                }
            }
        }

        private async Task<HttpResponseMessage> SendAsync(int n)
        {
            try
            {
                return await _client.GetAsync($"/{Alias}?sub_id_1={n}");
            }
            finally
            {
                _pending.TryRemove(n, out _);
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
