using Microsoft.EntityFrameworkCore;
using Tracker.Core.Reports;
using Tracker.Core.Validation;
using Tracker.Web.Data;

namespace Tracker.Web.ReportPresets;

/// <summary>Saved reports of the Reports page: list, save (a name already taken is replaced), delete.</summary>
public sealed class ReportPresetStore(IDbContextFactory<TrackerDbContext> contextFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReportPreset>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Set<ReportPreset>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
    }

    /// <summary>Saves <paramref name="query"/> under <paramref name="name"/>; an existing preset of that name gets the new query.</summary>
    public async Task<ValidationErrors> SaveAsync(string name, string query, CancellationToken ct = default)
    {
        var errors = ReportPreset.Validate(name, query);
        if (!errors.IsValid) return errors;
        var trimmed = name.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.Set<ReportPreset>().SingleOrDefaultAsync(p => p.Name == trimmed, ct);
        if (row is null) db.Set<ReportPreset>().Add(new ReportPreset { Name = trimmed, Query = query, CreatedAt = now, UpdatedAt = now });
        else
        {
            row.Query = query;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Set<ReportPreset>().Where(p => p.Id == id).ExecuteDeleteAsync(ct);
    }
}
