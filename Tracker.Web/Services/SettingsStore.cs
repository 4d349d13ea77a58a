using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracker.Core.Security;
using Tracker.Core.Settings;
using Tracker.Web.Conversions;
using Tracker.Web.Data;
using Tracker.Web.Live;
using Tracker.Web.Options;

namespace Tracker.Web.Services;

/// <summary>
/// The tracker-wide settings, cached in memory so the click and postback paths never read them
/// from the database. Created with fresh random keys on first start.
/// </summary>
public sealed class SettingsStore(
    IDbContextFactory<TrackerDbContext> contextFactory,
    IOptions<TrackerOptions> options,
    ChangeFeed changeFeed)
{
    private volatile TrackerSettings _current = new();

    /// <summary>A snapshot; treat it as read-only.</summary>
    public TrackerSettings Current => _current;

    /// <summary>The key the API accepts: <c>Tracker:ApiKey</c> when configured, else the generated one.</summary>
    public string ApiKey => string.IsNullOrWhiteSpace(options.Value.ApiKey) ? _current.ApiKey : options.Value.ApiKey!;

    /// <summary>True when the API key comes from configuration and cannot be rotated in the UI.</summary>
    public bool ApiKeyFromConfiguration => !string.IsNullOrWhiteSpace(options.Value.ApiKey);

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == 1, ct);
        if (settings is null)
        {
            settings = new TrackerSettings
            {
                PostbackKey = SecureToken.Create(10),
                ApiKey = SecureToken.Create(20),
            };
            db.Settings.Add(settings);
            await db.SaveChangesAsync(ct);
        }
        _current = settings;
    }

    /// <summary>The postback URL to paste into a network, e.g. <c>https://trk.example.com/abcd/postback</c>.</summary>
    public string PostbackUrl(string baseUrl) => $"{baseUrl.TrimEnd('/')}/{_current.PostbackKey}/postback";

    /// <summary>
    /// Saves edited settings; false when someone else saved a newer version first. Conversions that
    /// waited for a rate the edit adds are converted in the same transaction
    /// (<see cref="PendingRateConversions.ApplyAsync"/>), so a rate never exists without the revenue it makes.
    /// </summary>
    public async Task<bool> SaveAsync(TrackerSettings edited, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        // IMMEDIATE: no postback can record a waiting conversion between reading the waiting ones and committing.
        await using var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false);
        await db.Database.UseTransactionAsync(transaction, ct);
        var row = await db.Settings.SingleAsync(s => s.Id == 1, ct);
        if (row.Version != edited.Version) return false;
        row.BaseCurrency = edited.BaseCurrency;
        row.TimeZone = edited.TimeZone;
        row.ExchangeRates = new Dictionary<string, decimal>(edited.ExchangeRates, StringComparer.Ordinal);
        var converted = await PendingRateConversions.ApplyAsync(db, row.ToExchangeRates(), ct);
        if (!await CommitAsync(db, row, ct)) return false;
        await transaction.CommitAsync(ct);
        Published(row);
        foreach (var (conversion, _) in converted)
            changeFeed.Publish(new ChangeNotice(ChangeNotice.Conversion, conversion.Id, 1));
        return true;
    }

    public Task<bool> RotatePostbackKeyAsync(CancellationToken ct = default) =>
        MutateAsync(s => s.PostbackKey = SecureToken.Create(10), ct);

    public Task<bool> RotateApiKeyAsync(CancellationToken ct = default) =>
        MutateAsync(s => s.ApiKey = SecureToken.Create(20), ct);

    private async Task<bool> MutateAsync(Action<TrackerSettings> change, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.Settings.SingleAsync(s => s.Id == 1, ct);
        change(row);
        if (!await CommitAsync(db, row, ct)) return false;
        Published(row);
        return true;
    }

    private static async Task<bool> CommitAsync(TrackerDbContext db, TrackerSettings row, CancellationToken ct)
    {
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        db.Entry(row).State = EntityState.Detached;
        return true;
    }

    private void Published(TrackerSettings row)
    {
        _current = row;
        changeFeed.Publish(new ChangeNotice(ChangeNotice.Settings, 1, row.Version));
    }
}
