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

        var load = new ClickLoad(tracker.BaseAddress);
        var running = load.RunAsync(workers: 16);
        await load.WaitForAcknowledgedAsync(500, ct);
        // Another writer (a long admin save, a backup) holds the database while the process dies: the
        // clicks queued behind it were never committed, so none of them may have been answered.
        using (var blocker = tracker.HoldWriteLock())
        {
            await Task.Delay(1500, ct);
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

        public async Task WaitForAcknowledgedAsync(int count, CancellationToken ct)
        {
            while (Acknowledged.Count < count) await Task.Delay(10, ct);
        }

        private async Task WorkAsync()
        {
            while (true)
            {
                var n = Interlocked.Increment(ref _sequence);
                try
                {
                    using var response = await _client.GetAsync($"/{Alias}?sub_id_1={n}");
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
    }
}
