using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracker.Web.Data;
using Tracker.Web.Options;

namespace Tracker.Web.Clicks;

/// <summary>
/// After a start, refills <see cref="UniquenessTracker"/> from the clicks of the longest uniqueness
/// window of any active campaign, in the background so the tracker takes clicks at once.
/// </summary>
public sealed class UniquenessRestore(
    RoutingTable routing,
    UniquenessTracker uniqueness,
    IDbContextFactory<TrackerDbContext> contextFactory,
    IOptions<ClickTrackingOptions> options,
    TimeProvider clock,
    ILogger<UniquenessRestore> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var snapshot = await routing.CurrentAsync(stoppingToken);
            var hours = snapshot.Campaigns.Values.Select(c => c.Campaign.UniquenessHours).DefaultIfEmpty(0).Max();
            hours = Math.Clamp(hours, 0, UniquenessTracker.MaxWindowHours);
            if (hours == 0) return;
            var since = clock.GetUtcNow().UtcDateTime.AddHours(-hours - 1);

            await using var db = await contextFactory.CreateDbContextAsync(stoppingToken);
            var recent = await db.Clicks.AsNoTracking()
                .Where(c => c.CreatedAt >= since)
                .OrderByDescending(c => c.Id)
                .Take(options.Value.UniquenessMemoryEntries)
                .Select(c => new { c.CampaignId, c.Ip, c.UserAgent, c.CreatedAt })
                .ToListAsync(stoppingToken);
            recent.Reverse();
            uniqueness.Remember(recent.Select(c => (c.CampaignId, c.Ip, c.UserAgent, c.CreatedAt)));
            logger.LogInformation("Uniqueness memory restored from {Count} clicks of the last {Hours} hours", recent.Count, hours);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before it finished; the next start restores again.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Restoring the uniqueness memory failed; returning visitors may count as unique until their next click");
        }
    }
}
