using Microsoft.EntityFrameworkCore;
using Tracker.Core.Conversions;
using Tracker.Web.Data;

namespace Tracker.Web.Conversions;

/// <summary>The read side of conversions and the postback log, shared by the admin pages and the API.</summary>
public sealed class ConversionQueries(IDbContextFactory<TrackerDbContext> contextFactory)
{
    public async Task<Page<ConversionRow>> ConversionsAsync(ConversionFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var query = db.Conversions.AsNoTracking();
        if (filter.FromUtc is { } from) query = query.Where(c => c.CreatedAt >= from);
        if (filter.ToUtc is { } to) query = query.Where(c => c.CreatedAt < to);
        if (filter.OfferId is { } offerId) query = query.Where(c => c.OfferId == offerId);
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.SubId)) query = query.Where(c => c.SubId == filter.SubId.Trim());
        if (filter.AwaitingRateOnly) query = query.Where(c => c.PendingCurrency != null);

        var total = await query.CountAsync(ct);
        var conversions = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip(skip).Take(take).ToListAsync(ct);

        var offerIds = conversions.Where(c => c.OfferId != null).Select(c => c.OfferId!.Value).Distinct().ToList();
        var networkIds = conversions.Where(c => c.AffiliateNetworkId != null).Select(c => c.AffiliateNetworkId!.Value).Distinct().ToList();
        var campaignIds = conversions.Select(c => c.CampaignId).Distinct().ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var networks = await db.AffiliateNetworks.AsNoTracking().Where(n => networkIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var rows = conversions.Select(c => new ConversionRow(
            c,
            c.OfferId is { } o ? offers.GetValueOrDefault(o) : null,
            c.AffiliateNetworkId is { } n ? networks.GetValueOrDefault(n) : null,
            campaigns.GetValueOrDefault(c.CampaignId))).ToList();
        return new Page<ConversionRow>(rows, total);
    }

    public async Task<Page<PostbackLogEntry>> PostbacksAsync(PostbackFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var query = db.PostbackLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.SubId)) query = query.Where(p => p.SubId == filter.SubId.Trim());
        if (filter.Outcome is { } outcome) query = query.Where(p => p.Outcome == outcome);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new Page<PostbackLogEntry>(rows, total);
    }

    /// <summary>Offers for the filter picker: id and name, by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> OfferChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var offers = await db.Offers.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return offers.Select(o => (o.Id, o.Name)).ToList();
    }
}
