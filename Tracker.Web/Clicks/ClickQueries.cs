using Microsoft.EntityFrameworkCore;
using Tracker.Core.Clicks;
using Tracker.Web.Data;

namespace Tracker.Web.Clicks;

/// <summary>Read-only queries over recorded clicks for the admin pages (by time, and by subid through ClickSubIds).</summary>
public sealed class ClickQueries(IDbContextFactory<TrackerDbContext> contextFactory)
{
    public const int MaxTake = 200;

    public async Task<ClickPage> ListAsync(ClickQuery q, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        IQueryable<Click> clicks = db.Clicks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.SubId))
        {
            var id = await ClickSubIds.FindIdAsync(db, q.SubId.Trim().ToLowerInvariant(), ct);
            clicks = clicks.Where(c => c.Id == id);
        }
        if (q.CampaignId is { } campaignId) clicks = clicks.Where(c => c.CampaignId == campaignId);
        if (q.Bots is { } bots)
            clicks = bots ? clicks.Where(c => c.BotReason != BotReason.None) : clicks.Where(c => c.BotReason == BotReason.None);
        if (q.Before is { } before)
            clicks = clicks.Where(c => c.CreatedAt < before.CreatedAt || (c.CreatedAt == before.CreatedAt && c.Id < before.Id));

        var take = Math.Clamp(q.Take, 1, MaxTake);
        var rows = await clicks.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(take + 1)
            .Select(c => new { c.Id, c.SubId, c.CreatedAt, c.CampaignId, c.StreamId, c.OfferId, c.Country, c.Ip, c.IsUnique, c.RevenueMicros, c.BotReason })
            .ToListAsync(ct);
        var hasOlder = rows.Count > take;
        if (hasOlder) rows.RemoveAt(rows.Count - 1);

        var names = await NamesAsync(db,
            rows.Select(r => r.CampaignId), rows.Select(r => r.StreamId), rows.Select(r => r.OfferId), [], ct);
        // The page's conversions (one per click at most), through the unique ClickId index.
        var ids = rows.Select(r => r.Id).ToList();
        var conversions = ids.Count == 0 ? [] : await db.Conversions.AsNoTracking()
            .Where(c => ids.Contains(c.ClickId))
            .Select(c => new { c.ClickId, c.Status, c.RevenueMicros })
            .ToDictionaryAsync(c => c.ClickId, ct);
        return new ClickPage(
            [.. rows.Select(r =>
            {
                var conversion = conversions.GetValueOrDefault(r.Id);
                return new ClickRow(r.Id, r.SubId, r.CreatedAt,
                    r.CampaignId, names.Campaign(r.CampaignId),
                    r.StreamId, names.Stream(r.StreamId),
                    r.OfferId, names.Offer(r.OfferId),
                    r.Country, r.Ip, r.IsUnique, r.RevenueMicros, r.BotReason,
                    conversion?.Status, conversion?.RevenueMicros ?? 0);
            })],
            hasOlder);
    }

    public async Task<ClickWithNames?> GetAsync(string subId, CancellationToken ct = default)
    {
        var normalized = (subId ?? "").Trim().ToLowerInvariant();
        if (normalized.Length == 0) return null;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var click = await ClickSubIds.FindAsync(db, normalized, ct);
        if (click is null) return null;
        var names = await NamesAsync(db, [click.CampaignId], [click.StreamId], [click.OfferId], [click.AffiliateNetworkId], ct);
        return new ClickWithNames(click, names.Campaign(click.CampaignId), names.Stream(click.StreamId),
            names.Offer(click.OfferId), names.Network(click.AffiliateNetworkId));
    }

    private static async Task<Names> NamesAsync(TrackerDbContext db, IEnumerable<int> campaignIds, IEnumerable<int?> streamIds,
        IEnumerable<int?> offerIds, IEnumerable<int?> networkIds, CancellationToken ct)
    {
        var c = campaignIds.Distinct().ToList();
        var s = streamIds.OfType<int>().Distinct().ToList();
        var o = offerIds.OfType<int>().Distinct().ToList();
        var n = networkIds.OfType<int>().Distinct().ToList();
        return new Names(
            c.Count == 0 ? [] : await db.Campaigns.IgnoreAutoIncludes().Where(x => c.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            s.Count == 0 ? [] : await db.Streams.Where(x => s.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            o.Count == 0 ? [] : await db.Offers.Where(x => o.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            n.Count == 0 ? [] : await db.AffiliateNetworks.Where(x => n.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct));
    }

    private sealed record Names(
        Dictionary<int, string> Campaigns, Dictionary<int, string> Streams,
        Dictionary<int, string> Offers, Dictionary<int, string> Networks)
    {
        public string? Campaign(int id) => Campaigns.GetValueOrDefault(id);
        public string? Stream(int? id) => id is { } v ? Streams.GetValueOrDefault(v) : null;
        public string? Offer(int? id) => id is { } v ? Offers.GetValueOrDefault(v) : null;
        public string? Network(int? id) => id is { } v ? Networks.GetValueOrDefault(v) : null;
    }
}
