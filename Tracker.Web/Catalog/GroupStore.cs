using Microsoft.EntityFrameworkCore;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Data;

namespace Tracker.Web.Catalog;

/// <summary>Offer groups: create, rename, delete while unused.</summary>
public sealed class GroupStore(IDbContextFactory<TrackerDbContext> contextFactory, VersionedCommit<OfferGroup> commit)
{
    public async Task<IReadOnlyList<OfferGroup>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.OfferGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct);
    }

    public async Task<OfferGroup?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.OfferGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
    }

    public async Task<IReadOnlyDictionary<int, int>> OfferCountsAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Offers.Where(o => o.GroupId != null)
            .GroupBy(o => o.GroupId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public async Task<SaveResult<OfferGroup>> CreateAsync(string name, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var group = new OfferGroup { Name = name?.Trim() ?? "" };
        var errors = OfferGroupValidator.Validate(group, n => db.OfferGroups.Any(g => g.Name == n));
        if (!errors.IsValid) return SaveResult<OfferGroup>.Invalid(errors);
        return await commit.AddAsync(db, group, ct);
    }

    public async Task<SaveResult<OfferGroup>> RenameAsync(int id, string name, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.OfferGroups.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (commit.Refuses(row, expectedVersion, out var refused)) return refused;
        var candidate = new OfferGroup { Id = id, Name = name?.Trim() ?? "" };
        var errors = OfferGroupValidator.Validate(candidate, n => db.OfferGroups.Any(g => g.Name == n && g.Id != id));
        if (!errors.IsValid) return SaveResult<OfferGroup>.Invalid(errors);
        row.Name = candidate.Name;
        return await commit.CommitAsync(db, row, ct);
    }

    public async Task<ValidationErrors> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.OfferGroups.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (row is null) return ValidationErrors.Single("id", $"Group {id} does not exist.");
        var used = await db.Offers.CountAsync(o => o.GroupId == id, ct);
        if (used > 0) return ValidationErrors.Single("id", $"{used} offer(s) are in this group; move them to another group first.");
        await commit.RemoveAsync(db, row, ct);
        return new ValidationErrors();
    }
}
