using Microsoft.EntityFrameworkCore;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Data;

namespace Tracker.Web.Catalog;

/// <summary>Reads and writes of affiliate networks for the UI and the API.</summary>
public sealed class NetworkStore(IDbContextFactory<TrackerDbContext> contextFactory, VersionedCommit<AffiliateNetwork> commit)
{
    public async Task<IReadOnlyList<AffiliateNetwork>> ListAsync(ItemState? state = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        IQueryable<AffiliateNetwork> q = db.AffiliateNetworks.AsNoTracking();
        if (state is { } s) q = q.Where(n => n.State == s);
        return await q.OrderBy(n => n.Name).ThenBy(n => n.Id).ToListAsync(ct);
    }

    public async Task<AffiliateNetwork?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.AffiliateNetworks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
    }

    /// <summary>How many offers use each network.</summary>
    public async Task<IReadOnlyDictionary<int, int>> OfferCountsAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Offers.Where(o => o.AffiliateNetworkId != null)
            .GroupBy(o => o.AffiliateNetworkId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public async Task<SaveResult<AffiliateNetwork>> CreateAsync(AffiliateNetwork network, CancellationToken ct = default)
    {
        NetworkValidator.Normalize(network);
        var errors = NetworkValidator.Validate(network);
        if (!errors.IsValid) return SaveResult<AffiliateNetwork>.Invalid(errors);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        network.Id = 0;
        return await commit.AddAsync(db, network, ct);
    }

    /// <summary>Saves over the version the editor started from; a newer version is a conflict.</summary>
    public async Task<SaveResult<AffiliateNetwork>> UpdateAsync(AffiliateNetwork edited, CancellationToken ct = default)
    {
        NetworkValidator.Normalize(edited);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.AffiliateNetworks.SingleOrDefaultAsync(n => n.Id == edited.Id, ct);
        if (commit.Refuses(row, edited.Version, out var refused)) return refused;
        var errors = NetworkValidator.Validate(edited);
        if (!errors.IsValid) return SaveResult<AffiliateNetwork>.Invalid(errors);
        row.Name = edited.Name;
        row.OfferParameters = edited.OfferParameters;
        row.PostbackParameters = edited.PostbackParameters;
        row.PostbackAllowedIps = edited.PostbackAllowedIps;
        row.TemplateKey = edited.TemplateKey;
        row.Notes = edited.Notes;
        row.State = edited.State;
        return await commit.CommitAsync(db, row, ct);
    }

    /// <summary>Refused while an offer uses the network: archive it instead.</summary>
    public async Task<ValidationErrors> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.AffiliateNetworks.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (row is null) return ValidationErrors.Single("id", $"Affiliate network {id} does not exist.");
        var used = await db.Offers.CountAsync(o => o.AffiliateNetworkId == id, ct);
        if (used > 0) return ValidationErrors.Single("id", $"{used} offer(s) use this network; move them to another network or archive the network instead.");
        if (await db.Clicks.AnyAsync(c => c.AffiliateNetworkId == id, ct))
            return ValidationErrors.Single("id", "Recorded clicks refer to this network; archive it instead.");
        await commit.RemoveAsync(db, row, ct);
        return new ValidationErrors();
    }
}
