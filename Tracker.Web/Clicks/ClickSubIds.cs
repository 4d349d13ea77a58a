using Microsoft.EntityFrameworkCore;
using Tracker.Core.Clicks;
using Tracker.Web.Data;

namespace Tracker.Web.Clicks;

/// <summary>
/// Finds a click by its subid. A subid carries its click's time to the sixteenth of a second
/// (<see cref="SubId.TimeWindow"/>), so the lookup is a seek on the <c>(CreatedAt, SubId)</c> index
/// over that sixteenth; subids from before that layout are found through
/// <see cref="LegacyClickSubId"/>. Every subid lookup goes through here, so the clicks table needs
/// no index on its random subids, whose inserts would dirty a random index page per click.
/// </summary>
public static class ClickSubIds
{
    /// <summary>
    /// The clicks row for subid <c>?1</c> (a legacy entry only while its click still carries the subid), given the window's bounds (<see cref="Bounds"/>) as <c>?2</c>
    /// and <c>?3</c>; <paramref name="columns"/> is the select list.
    /// </summary>
    public static string FindSql(string columns) => $"""
        SELECT {columns} FROM clicks WHERE CreatedAt >= ?2 AND CreatedAt < ?3 AND SubId = ?1
        UNION ALL
        SELECT {columns} FROM clicks WHERE Id = (SELECT ClickId FROM legacy_click_subids WHERE SubId = ?1) AND SubId = ?1
        LIMIT 1
        """;

    /// <summary>The window's bounds for <see cref="FindSql"/>; an empty window for a subid that has none.</summary>
    public static (DateTime From, DateTime To) Bounds(string subId) => SubId.TimeWindow(subId) ?? (DateTime.MinValue, DateTime.MinValue);

    /// <summary>The click with this subid (already normalised to lower case), its decision trace in full; or null.</summary>
    public static async Task<Click?> FindAsync(TrackerDbContext db, string subId, CancellationToken ct)
    {
        var id = await FindIdAsync(db, subId, ct);
        var click = id is null ? null : await db.Clicks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (click is not null) await TraceLines.ResolveAsync(db, click, ct);
        return click;
    }

    /// <summary>The id of the click with this subid (already normalised to lower case), or null.</summary>
    public static async Task<long?> FindIdAsync(TrackerDbContext db, string subId, CancellationToken ct)
    {
        if (SubId.TimeWindow(subId) is { } window)
        {
            var id = await db.Clicks.AsNoTracking()
                .Where(c => c.CreatedAt >= window.From && c.CreatedAt < window.To && c.SubId == subId)
                .Select(c => (long?)c.Id)
                .FirstOrDefaultAsync(ct);
            if (id is not null) return id;
        }
        // The row must still carry the subid: click ids are plain rowids, so once retention has deleted
        // the newest clicks their ids can be given again, and a legacy entry must not name a newer click.
        return await db.LegacyClickSubIds.AsNoTracking()
            .Where(l => l.SubId == subId)
            .Join(db.Clicks.Where(c => c.SubId == subId), l => l.ClickId, c => c.Id, (l, c) => (long?)c.Id)
            .FirstOrDefaultAsync(ct);
    }
}
