using Microsoft.EntityFrameworkCore;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Data;
using Tracker.Web.Live;

namespace Tracker.Web.Catalog;

/// <summary>Offer groups: create, rename, delete while unused.</summary>
public sealed class GroupStore(IDbContextFactory<TrackerDbContext> contextFactory, ChangeFeed changeFeed)
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
        db.OfferGroups.Add(group);
        await db.SaveChangesAsync(ct);
        changeFeed.Publish(new ChangeNotice(ChangeNotice.Group, group.Id, group.Version));
        return SaveResult<OfferGroup>.Saved(group);
    }

    public async Task<SaveResult<OfferGroup>> RenameAsync(int id, string name, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.OfferGroups.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (row is null) return SaveResult<OfferGroup>.NotFound();
        if (row.Version != expectedVersion) return SaveResult<OfferGroup>.Conflict(row);
        var candidate = new OfferGroup { Id = id, Name = name?.Trim() ?? "" };
        var errors = OfferGroupValidator.Validate(candidate, n => db.OfferGroups.Any(g => g.Name == n && g.Id != id));
        if (!errors.IsValid) return SaveResult<OfferGroup>.Invalid(errors);
        row.Name = candidate.Name;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await GetAsync(id, ct);
            return current is null ? SaveResult<OfferGroup>.NotFound() : SaveResult<OfferGroup>.Conflict(current);
        }
        changeFeed.Publish(new ChangeNotice(ChangeNotice.Group, row.Id, row.Version));
        return SaveResult<OfferGroup>.Saved(row);
    }

    public async Task<ValidationErrors> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.OfferGroups.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (row is null) return ValidationErrors.Single("id", $"Group {id} does not exist.");
        var used = await db.Offers.CountAsync(o => o.GroupId == id, ct);
        if (used > 0) return ValidationErrors.Single("id", $"{used} offer(s) are in this group; move them to another group first.");
        db.OfferGroups.Remove(row);
        await db.SaveChangesAsync(ct);
        changeFeed.Publish(new ChangeNotice(ChangeNotice.Group, id, 0, Deleted: true));
        return new ValidationErrors();
    }
}
