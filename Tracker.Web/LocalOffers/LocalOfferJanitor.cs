namespace Tracker.Web.LocalOffers;

/// <summary>Cleans up after interrupted uploads and replaced versions: at start-up, then twice a day.</summary>
public sealed class LocalOfferJanitor(LocalOfferStore store, TimeProvider clock, ILogger<LocalOfferJanitor> logger) : BackgroundService
{
    /// <summary>Younger leftovers may belong to an upload still in progress.</summary>
    private static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(12), clock);
        do
        {
            try
            {
                await store.SweepAsync(MinimumAge, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Cleaning up local offer folders failed; it is tried again in 12 hours");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
