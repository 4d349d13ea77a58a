using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Admin;
using Tracker.Core.Security;
using Tracker.Core.Validation;
using Tracker.Web.Data;

namespace Tracker.Web.Security;

/// <summary>
/// The admin IP allow-list (table <c>admin_access</c>), cached in memory for the middleware that checks
/// every admin request. Re-read every <see cref="RecheckAfter"/>, so a change made by the command line
/// (<c>admin clear-allow-list</c>) while the server runs takes effect without a restart.
/// </summary>
public sealed class AdminAccessStore(IDbContextFactory<TrackerDbContext> contextFactory, TimeProvider clock)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile AdminAccessSnapshot? _current;
    private long _loadedAt;

    /// <summary>Raised after a save, for open Settings pages.</summary>
    public event Action<AdminAccessSnapshot>? Changed;

    public async ValueTask<AdminAccessSnapshot> GetAsync(CancellationToken ct = default)
    {
        var current = _current;
        if (current is not null && clock.GetElapsedTime(Interlocked.Read(ref _loadedAt)) < RecheckAfter) return current;
        await _loading.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && clock.GetElapsedTime(Interlocked.Read(ref _loadedAt)) < RecheckAfter) return current;
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var row = await db.AdminAccess.AsNoTracking().SingleOrDefaultAsync(a => a.Id == 1, ct);
            current = row is null ? new AdminAccessSnapshot(IpAllowList.Empty, 1) : new AdminAccessSnapshot(IpAllowList.FromStored(row.AllowList), row.Version);
            _current = current;
            Interlocked.Exchange(ref _loadedAt, clock.GetTimestamp());
            return current;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// Validates and saves a new list. A list that does not allow <paramref name="caller"/> (the address the
    /// change comes from) is saved only with <paramref name="force"/>: otherwise the next request of the
    /// person saving it would be refused.
    /// </summary>
    public async Task<(AdminAccessSaveResult Result, ValidationErrors Errors, AdminAccessSnapshot Current)> SaveAsync(
        IEnumerable<string?> entries, int version, IPAddress? caller, bool force, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var list = IpAllowList.Parse(entries, errors, "allowList");
        if (!errors.IsValid) return (AdminAccessSaveResult.Invalid, errors, await GetAsync(ct));
        if (!force && !list.Allows(caller))
        {
            errors.Add("allowList", $"This list does not include the address this change comes from ({IpDisplay.Of(caller)}): "
                + "saving it would shut you out of the admin at once. Add your address, or confirm (force) that you mean it.");
            return (AdminAccessSaveResult.ExcludesCaller, errors, await GetAsync(ct));
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.AdminAccess.SingleOrDefaultAsync(a => a.Id == 1, ct);
        var currentVersion = row?.Version ?? 1;
        if (version != currentVersion)
        {
            _current = null;
            return (AdminAccessSaveResult.Stale, errors, await GetAsync(ct));
        }
        if (row is null)
        {
            row = new AdminAccess { Id = 1, Version = 1 };
            db.AdminAccess.Add(row);
        }
        row.AllowList = list.ToString();
        row.Version++;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent save won (version token, or the first row inserted twice).
            _current = null;
            return (AdminAccessSaveResult.Stale, errors, await GetAsync(ct));
        }
        var saved = new AdminAccessSnapshot(list, row.Version);
        _current = saved;
        Interlocked.Exchange(ref _loadedAt, clock.GetTimestamp());
        Changed?.Invoke(saved);
        return (AdminAccessSaveResult.Saved, errors, saved);
    }

    /// <summary>Empties the list without any check: the server-side unlock path (<c>admin clear-allow-list</c>).</summary>
    public static async Task<int> ClearAsync(TrackerDbContext db, CancellationToken ct = default) =>
        await db.AdminAccess.Where(a => a.Id == 1 && a.AllowList != "")
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.AllowList, "").SetProperty(a => a.Version, a => a.Version + 1), ct);
}
