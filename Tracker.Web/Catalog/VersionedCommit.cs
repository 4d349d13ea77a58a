using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tracker.Core.Validation;
using Tracker.Web.Data;
using Tracker.Web.Live;

namespace Tracker.Web.Catalog;

/// <summary>
/// The one way catalog items (campaigns, offers, affiliate networks, offer groups) are written: created at
/// version 1, changed only from the version the editor started from, each save one version more (and
/// <c>CreatedAt</c>/<c>UpdatedAt</c> stamped where the item has them), a lost race answered with the current
/// version, and every write announced on the change feed (the routing snapshot and other admin tabs follow it).
/// </summary>
/// <param name="kind">The <see cref="ChangeNotice.Kind"/> announced.</param>
/// <param name="present">Puts an item into the shape callers get back (e.g. streams in order); null: as it is.</param>
/// <param name="refusal">Turns a constraint the database enforced (a unique alias) into validation errors; null: not ours.</param>
public sealed class VersionedCommit<T>(
    IDbContextFactory<TrackerDbContext> contexts,
    ChangeFeed changeFeed,
    TimeProvider clock,
    string kind,
    Func<T, T>? present = null,
    Func<DbUpdateException, T, ValidationErrors?>? refusal = null)
    where T : class, IVersioned
{
    /// <summary>The item as callers get it back.</summary>
    public T Present(T item) => present is null ? item : present(item);

    /// <summary>
    /// False when <paramref name="row"/> may be changed; otherwise true with the answer: not found, or (when
    /// <paramref name="expectedVersion"/> is not the row's) a conflict carrying the current version.
    /// </summary>
    public bool Refuses([NotNullWhen(false)] T? row, int expectedVersion, [NotNullWhen(true)] out SaveResult<T>? refusal)
    {
        refusal = row is null ? SaveResult<T>.NotFound()
            : row.Version != expectedVersion ? SaveResult<T>.Conflict(Present(row))
            : null;
        return refusal is not null;
    }

    /// <summary>Adds <paramref name="item"/> as version 1.</summary>
    public async Task<SaveResult<T>> AddAsync(TrackerDbContext db, T item, CancellationToken ct)
    {
        item.Version = 1;
        var entry = db.Add(item);
        var now = clock.GetUtcNow().UtcDateTime;
        Stamp(entry, "CreatedAt", now);
        Stamp(entry, "UpdatedAt", now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (refusal?.Invoke(ex, item) is { } errors)
        {
            return SaveResult<T>.Invalid(errors);
        }
        changeFeed.Publish(new ChangeNotice(kind, item.Id, item.Version));
        return SaveResult<T>.Saved(Present(item));
    }

    /// <summary>
    /// Saves the changes made to the tracked <paramref name="row"/> as its next version. The version is the
    /// concurrency token, so a save that raced another one saves nothing and answers with the winner.
    /// </summary>
    public async Task<SaveResult<T>> CommitAsync(TrackerDbContext db, T row, CancellationToken ct)
    {
        row.Version++;
        Stamp(db.Entry(row), "UpdatedAt", clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            var id = row.Id;
            var current = await fresh.Set<T>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            return current is null ? SaveResult<T>.NotFound() : SaveResult<T>.Conflict(Present(current));
        }
        catch (DbUpdateException ex) when (refusal?.Invoke(ex, row) is { } errors)
        {
            return SaveResult<T>.Invalid(errors);
        }
        changeFeed.Publish(new ChangeNotice(kind, row.Id, row.Version));
        return SaveResult<T>.Saved(Present(row));
    }

    /// <summary>Deletes the tracked <paramref name="row"/> (the caller has checked nothing uses it).</summary>
    public async Task RemoveAsync(TrackerDbContext db, T row, CancellationToken ct)
    {
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        changeFeed.Publish(new ChangeNotice(kind, row.Id, 0, Deleted: true));
    }

    private static void Stamp(EntityEntry entry, string property, DateTime now)
    {
        if (entry.Metadata.FindProperty(property) is not null)
            entry.Property(property).CurrentValue = now;
    }
}
