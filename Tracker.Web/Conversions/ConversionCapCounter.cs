using Microsoft.EntityFrameworkCore;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Core.Offers;
using Tracker.Web.Data;

namespace Tracker.Web.Conversions;

/// <summary>
/// Today's conversion count of every offer, in memory, so the click path can apply conversion caps
/// without reading the database. It keeps the counted conversions (leads and sales) of the last
/// <see cref="Window"/> with their UTC times: "today" is then just the ones since midnight in the
/// cap's zone, which makes the count right at midnight, on DST days and after a zone change.
/// Loaded from the database at start-up (so it survives restarts) and kept current by the postback
/// recorder and by offer change notices.
/// </summary>
public sealed class ConversionCapCounter(
    IDbContextFactory<TrackerDbContext> contextFactory,
    TimeProvider clock,
    ILogger<ConversionCapCounter> logger)
{
    /// <summary>Longer than any day (25 h) in any zone: enough history to count "today" anywhere.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(50);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, List<CountedConversion>> _counted = [];
    private Dictionary<int, Offer> _offers = [];

    /// <summary>Reads the offers and the recent counted conversions. Called once at start-up.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var offers = await db.Offers.AsNoTracking().ToListAsync(ct);
        var recent = await db.Conversions.AsNoTracking()
            .Where(c => c.OfferId != null && c.CreatedAt >= since
                && (c.Status == ConversionStatus.Lead || c.Status == ConversionStatus.Sale)
                // Bots never count toward caps (PostbackPolicy leaves them out as they arrive, too).
                && !db.Clicks.Any(k => k.Id == c.ClickId && k.BotReason != BotReason.None))
            .Select(c => new { OfferId = c.OfferId!.Value, c.Id, c.CreatedAt })
            .ToListAsync(ct);
        lock (_gate)
        {
            _offers = offers.ToDictionary(o => o.Id, Slim);
            _counted.Clear();
            foreach (var group in recent.GroupBy(c => c.OfferId))
                _counted[group.Key] = group.Select(c => new CountedConversion(c.Id, c.CreatedAt)).OrderBy(c => c.CreatedAt).ToList();
        }
        logger.LogInformation("Conversion caps: {Offers} offers, {Conversions} conversions of the last {Hours} hours loaded",
            offers.Count, recent.Count, Window.TotalHours);
    }

    /// <summary>
    /// Today's conversions of the offer (leads and sales; not rejected, not rebills), "today" being the
    /// day in the offer's conversion-cap time zone. For the offer list and editor.
    /// </summary>
    public int TodayCount(int offerId)
    {
        Offer? offer;
        lock (_gate) _offers.TryGetValue(offerId, out offer);
        return TodayCount(offerId, offer?.ConversionCap.Zone ?? TimeZoneInfo.Utc);
    }

    /// <summary>Today's conversions of the offer, "today" being the day in <paramref name="zone"/>.</summary>
    public int TodayCount(int offerId, TimeZoneInfo zone) => TodayCount(offerId, zone, clock.GetUtcNow().UtcDateTime);

    /// <summary>The offer's conversions on the day in <paramref name="zone"/> that contains <paramref name="nowUtc"/>.</summary>
    public int TodayCount(int offerId, TimeZoneInfo zone, DateTime nowUtc)
    {
        var today = ZonedDay.Containing(nowUtc, zone);
        lock (_gate)
        {
            if (!_counted.TryGetValue(offerId, out var list)) return 0;
            var count = 0;
            foreach (var c in list)
                if (today.Contains(c.CreatedAt)) count++;
            return count;
        }
    }

    /// <summary>The offer as last saved; null when it does not exist. Used to follow alternative offers.</summary>
    public Offer? FindOffer(int offerId)
    {
        lock (_gate) return _offers.GetValueOrDefault(offerId);
    }

    /// <summary>Called after a postback's transaction committed.</summary>
    public void Record(AppliedPostback applied)
    {
        var conversion = applied.Conversion;
        if (conversion.OfferId is not { } offerId) return;
        if (applied.CountedTowardCapBefore == applied.CountedTowardCapAfter) return;
        var horizon = clock.GetUtcNow().UtcDateTime - Window;
        lock (_gate)
        {
            if (!_counted.TryGetValue(offerId, out var list))
                _counted[offerId] = list = [];
            if (applied.CountedTowardCapAfter)
            {
                var entry = new CountedConversion(conversion.Id, conversion.CreatedAt);
                // Almost always the newest: appended without a search (the list is kept in time order).
                if (list.Count == 0 || list[^1].CreatedAt <= entry.CreatedAt) list.Add(entry);
                else list.Insert(list.FindLastIndex(c => c.CreatedAt <= entry.CreatedAt) + 1, entry);
            }
            else
            {
                list.RemoveAll(c => c.ConversionId == conversion.Id);
            }
            // Oldest first: only when the oldest has left the window is there anything to drop.
            if (list.Count > 0 && list[0].CreatedAt < horizon) list.RemoveAll(c => c.CreatedAt < horizon);
        }
    }

    /// <summary>Re-reads one offer after it was saved or deleted elsewhere.</summary>
    public async Task RefreshOfferAsync(int offerId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, ct);
        lock (_gate)
        {
            if (offer is null) _offers.Remove(offerId);
            else _offers[offerId] = Slim(offer);
        }
    }

    // The notes can be 20,000 characters each and routing never reads them.
    private static Offer Slim(Offer offer)
    {
        offer.Notes = "";
        return offer;
    }

    private readonly record struct CountedConversion(long ConversionId, DateTime CreatedAt);
}
