using Microsoft.Extensions.Options;

namespace Tracker.Web.Backups;

/// <summary>
/// Makes a backup every <see cref="BackupOptions.IntervalHours"/>, counted from the last one, so a
/// restart neither skips a backup nor makes an extra one. A failed backup is logged and tried again
/// at the next interval.
/// </summary>
public sealed class BackupScheduler(BackupService backups, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupScheduler> logger)
    : BackgroundService
{
    /// <summary>Grace after start-up before a backup that is already due, so start-up itself is not slowed.</summary>
    public static readonly TimeSpan StartupDelay = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan MaxStep = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = options.Value.IntervalHours;
        if (hours == 0) return;
        var interval = TimeSpan.FromHours(hours);
        var due = backups.LastBackupAt() is { } last ? last + interval : clock.GetUtcNow().UtcDateTime;
        var earliest = clock.GetUtcNow().UtcDateTime + StartupDelay;
        if (due < earliest) due = earliest;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Task.Delay takes at most ~49 days; a longer interval waits in steps.
            for (var wait = due - clock.GetUtcNow().UtcDateTime; wait > TimeSpan.Zero; wait = due - clock.GetUtcNow().UtcDateTime)
                await Task.Delay(wait < MaxStep ? wait : MaxStep, clock, stoppingToken);
            try
            {
                await backups.CreateAsync(BackupService.Scheduled, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled backup failed; the next try is in {Hours} h", hours);
            }
            due = clock.GetUtcNow().UtcDateTime + interval;
        }
    }
}
