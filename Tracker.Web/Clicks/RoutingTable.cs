using Microsoft.EntityFrameworkCore;
using Tracker.Web.Data;
using Tracker.Web.Live;
using Tracker.Web.Services;

namespace Tracker.Web.Clicks;

/// <summary>
/// Holds the current <see cref="RoutingSnapshot"/>. A change notice for a campaign, offer, network
/// or the settings marks it stale at once (the change feed calls us synchronously from the save),
/// and the next click waits for the rebuild — so a save takes effect on the very next click.
/// </summary>
public sealed class RoutingTable : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly HashSet<string> RoutingKinds =
        [ChangeNotice.Campaign, ChangeNotice.Offer, ChangeNotice.Network, ChangeNotice.Settings];

    private readonly IDbContextFactory<TrackerDbContext> _contextFactory;
    private readonly SettingsStore _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger<RoutingTable> _logger;
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);

    // The generation a snapshot must have to be current; starts ahead of Empty so the first click builds.
    private long _wanted = 1;
    private volatile RoutingSnapshot _current = RoutingSnapshot.Empty;
    private long _retryAfterTicks;

    public RoutingTable(IDbContextFactory<TrackerDbContext> contextFactory, SettingsStore settings,
        ChangeFeed changes, TimeProvider clock, ILogger<RoutingTable> logger)
    {
        _contextFactory = contextFactory;
        _settings = settings;
        _clock = clock;
        _logger = logger;
        _subscription = changes.Subscribe(OnChange);
    }

    /// <summary>The current snapshot, rebuilt first when configuration changed since it was built.</summary>
    public ValueTask<RoutingSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _current;
        if (snapshot.Generation >= Volatile.Read(ref _wanted)) return ValueTask.FromResult(snapshot);
        // After a failed rebuild, serve the last good snapshot for a moment instead of hammering the database.
        if (snapshot.Generation > 0 && _clock.GetUtcNow().UtcTicks < Volatile.Read(ref _retryAfterTicks))
            return ValueTask.FromResult(snapshot);
        return new ValueTask<RoutingSnapshot>(RebuildAsync(cancellationToken));
    }

    public async Task<RoutingSnapshot> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _rebuildGate.WaitAsync(cancellationToken);
        try
        {
            var target = Volatile.Read(ref _wanted);
            if (_current.Generation >= target) return _current;
            try
            {
                // Not cancellable by one request: others are waiting for the same rebuild.
                var snapshot = await LoadAsync(target, CancellationToken.None);
                _current = snapshot;
                _logger.LogDebug("Routing snapshot {Generation}: {Campaigns} campaigns, {Offers} offers", target, snapshot.Campaigns.Count, snapshot.Offers.Count);
                return snapshot;
            }
            catch (Exception ex) when (_current.Generation > 0)
            {
                Volatile.Write(ref _retryAfterTicks, (_clock.GetUtcNow() + RetryDelay).UtcTicks);
                _logger.LogError(ex, "Rebuilding the routing snapshot failed; clicks keep the previous configuration and the rebuild is retried");
                return _current;
            }
        }
        finally
        {
            _rebuildGate.Release();
        }
    }

    private async Task<RoutingSnapshot> LoadAsync(long generation, CancellationToken ct)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().ToListAsync(ct);
        var offers = await db.Offers.AsNoTracking().ToListAsync(ct);
        var networks = await db.AffiliateNetworks.AsNoTracking().ToListAsync(ct);
        return RoutingSnapshot.Build(generation, campaigns, offers, networks, _settings.Current);
    }

    private Task OnChange(ChangeNotice notice)
    {
        if (RoutingKinds.Contains(notice.Kind))
        {
            Interlocked.Increment(ref _wanted);
            Volatile.Write(ref _retryAfterTicks, 0);
        }
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _rebuildGate.Dispose();
    }
}
