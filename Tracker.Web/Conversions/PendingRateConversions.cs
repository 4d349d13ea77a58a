using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Amounts;
using Tracker.Core.Conversions;
using Tracker.Web.Data;
using Tracker.Web.Reports;

namespace Tracker.Web.Conversions;

/// <summary>
/// Conversions whose revenue waits for an exchange rate (ADR 0004): the one place that converts them
/// when a rate is added, and the counts the dashboard, the conversions page and Settings show.
/// </summary>
public sealed class PendingRateConversions(IDbContextFactory<TrackerDbContext> contextFactory)
{
    /// <summary>
    /// Converts every waiting conversion whose currency <paramref name="rates"/> now covers, inside the
    /// caller's open transaction on <paramref name="db"/> (the settings save that added the rate), so
    /// the rate and the revenue it makes are committed together or not at all. The caller saves.
    /// The report rollups move in the same transaction: what each conversion counted before is taken
    /// back and what it counts now added, at its click's time and at its own.
    /// </summary>
    /// <returns>The converted conversions with the base-currency revenue each gained.</returns>
    public static async Task<IReadOnlyList<(Conversion Conversion, Money Added)>> ApplyAsync(
        TrackerDbContext db, ExchangeRates rates, CancellationToken ct)
    {
        var currencies = rates.Rates.Where(r => r.Value > 0).Select(r => r.Key).Append(rates.BaseCurrency).ToList();
        var waiting = await db.Conversions
            .Where(c => c.PendingCurrency != null && currencies.Contains(c.PendingCurrency))
            .ToListAsync(ct);
        if (waiting.Count == 0) return [];
        var ids = waiting.Select(c => c.Id).ToList();
        var transactions = await db.ConversionTransactions
            .Where(t => ids.Contains(t.ConversionId) && t.PendingMicros != 0)
            .ToListAsync(ct);
        var byConversion = transactions.ToLookup(t => t.ConversionId);
        // Every transaction row of these conversions (rebills count in the rollups); tracked, so the
        // pending ones are the same objects TryConvert changes.
        var allTransactions = (await db.ConversionTransactions.Where(t => ids.Contains(t.ConversionId)).ToListAsync(ct))
            .ToLookup(t => t.ConversionId);
        var clickIds = waiting.Select(c => c.ClickId).ToList();
        var clicks = await db.Clicks.AsNoTracking().Where(c => clickIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var converted = new List<(Conversion, Money)>();
        foreach (var conversion in waiting)
        {
            var before = ConversionRollups.Parts(conversion, allTransactions[conversion.Id]);
            if (PendingRate.TryConvert(conversion, byConversion[conversion.Id], rates) is not { } added) continue;
            converted.Add((conversion, added));
            if (clicks.TryGetValue(conversion.ClickId, out var click))
                ConversionRollups.Write(connection, click, before, ConversionRollups.Parts(conversion, allTransactions[conversion.Id]));
        }
        return converted;
    }

    /// <summary>Per currency: conversions waiting for its rate and the amount they stated (the largest first).</summary>
    public async Task<IReadOnlyList<PendingRateTotal>> TotalsAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var totals = await db.Conversions.AsNoTracking()
            .Where(c => c.PendingCurrency != null)
            .GroupBy(c => c.PendingCurrency!)
            .Select(g => new { Currency = g.Key, Count = g.Count(), Sum = g.Sum(c => c.PendingMicros) })
            .ToListAsync(ct);
        return totals.Select(t => new PendingRateTotal(t.Currency, t.Count, t.Sum))
            .OrderByDescending(t => t.Conversions).ThenBy(t => t.Currency, StringComparer.Ordinal).ToList();
    }
}
