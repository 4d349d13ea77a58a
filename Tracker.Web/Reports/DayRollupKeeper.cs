using Tracker.Web.Live;
using Tracker.Web.Services;

namespace Tracker.Web.Reports;

/// <summary>
/// Keeps the day rollups in the settings' time zone: builds them at start when they are missing or in
/// another zone, and again whenever the zone is changed. Until they are built, reports read the
/// 15-minute rollups (same numbers, more rows).
/// </summary>
public sealed class DayRollupKeeper(RollupBuilder builder, SettingsStore settings, ChangeFeed changes, ILogger<DayRollupKeeper> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? built = null;
        using var subscription = changes.Subscribe(notice =>
        {
            if (notice.Kind == ChangeNotice.Settings) _wake.Release();
            return Task.CompletedTask;
        });
        // Start after the host is up: the first build must not delay the first click.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var zone = settings.Current.TimeZone;
            if (zone != built)
            {
                try
                {
                    if (!await builder.IsBuiltForAsync(zone, stoppingToken))
                        await builder.BuildDaysAsync(zone, stoppingToken);
                    built = zone;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Building the day rollups for {Zone} failed; reports read the 15-minute rollups meanwhile and it is retried in a minute", zone);
                    try { await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken); } catch (OperationCanceledException) { return; }
                    continue;
                }
            }
            try { await _wake.WaitAsync(stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}
