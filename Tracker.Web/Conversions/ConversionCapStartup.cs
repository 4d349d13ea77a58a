using Microsoft.EntityFrameworkCore;
using Tracker.Web.Live;

namespace Tracker.Web.Conversions;

/// <summary>Loads the counter before the server takes requests and keeps its offers current.</summary>
public sealed class ConversionCapStartup(ConversionCapCounter counter, ChangeFeed changeFeed, ILogger<ConversionCapStartup> logger) : IHostedService
{
    private IDisposable? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = changeFeed.Subscribe(async notice =>
        {
            if (notice.Kind != ChangeNotice.Offer) return;
            try
            {
                await counter.RefreshOfferAsync((int)notice.Id);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogError(ex, "Could not refresh offer {OfferId} for conversion caps; caps use its previous settings until the next change", notice.Id);
            }
        });
        await counter.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
