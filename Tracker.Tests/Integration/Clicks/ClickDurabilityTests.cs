using System.Collections.Concurrent;
using System.Net;
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
        await using var tracker = new TrackerProcess(NewDataDirectory());
        await SeedAsync(tracker, ct);
        await tracker.StartAsync(ct);

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
        await using var tracker = new TrackerProcess(NewDataDirectory());
        await SeedAsync(tracker, ct);
        await tracker.StartAsync(ct);

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

        public Task WaitForAcknowledgedAsync(int count, CancellationToken ct) =>
            WaitUntilAsync(() => Acknowledged.Count >= count, $"{count} acknowledged clicks", ct);

        /// <summary>Every worker has a click numbered above <paramref name="sentBefore"/> in flight, unanswered.</summary>
        public Task WaitForQueuedBehindAsync(int sentBefore, int workers, CancellationToken ct) =>
            WaitUntilAsync(() => Volatile.Read(ref _inFlight) == workers && _pending.Keys.All(n => n > sentBefore),
                $"{workers} clicks waiting behind the lock", ct);

        /// <summary>Polls a condition, bounded: a tracker that stops answering fails the test with what it waited for.</summary>
        private static async Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken ct)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                while (!condition()) await Task.Delay(10, limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Assert.Fail($"Waited 60 s for {what}.");
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
