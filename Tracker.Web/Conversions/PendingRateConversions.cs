using Microsoft.EntityFrameworkCore;
using Tracker.Core.Conversions;
using Tracker.Core.Money;
using Tracker.Web.Data;

namespace Tracker.Web.Conversions;

/// <summary>How many conversions wait for one currency's exchange rate, and how much they stated.</summary>
public sealed record PendingRateTotal(string Currency, int Conversions, long PendingMicros)
{
    public Money Amount => new(PendingMicros, Currency);
}

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
    /// Report rollups that count revenue are to be updated here too, from the returned rows.
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
        var converted = new List<(Conversion, Money)>();
        foreach (var conversion in waiting)
            if (PendingRate.TryConvert(conversion, byConversion[conversion.Id], rates) is { } added)
                converted.Add((conversion, added));
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
