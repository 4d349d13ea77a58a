using Microsoft.Data.Sqlite;
using Tracker.Core.Clicks;

namespace Tracker.Web.Reports;

/// <summary>
/// Keeps the report rollups current with the click writer: each click is added to a sum in memory by
/// rollup key, and the sums of the committed clicks are written a few times a second
/// (every 250 ms by default), or at once when a report asks (<see cref="PendingRollups"/>), in a
/// transaction of their own that also moves <see cref="ReportRollupState.ClicksThrough"/>. At load a
/// quarter of a second holds hundreds of clicks and a few dozen keys: one upsert per key and grain then
/// serves them all, where writing them with every click batch cost about a tenth of the click path.
/// </summary>
/// <remarks>
/// Nothing is lost to a crash: the sums in memory belong to clicks after the mark, and the start-up
/// counts those from the clicks table (<see cref="RollupBuilder.CatchUpAsync"/>). Used by the writer's thread only.
/// </remarks>
/// <param name="connection">The writer's open connection.</param>
/// <param name="writeEvery">The longest the sums of committed clicks wait in memory (<see cref="Options.ClickTrackingOptions.RollupWriteMilliseconds"/>).</param>
public sealed class ClickRollupWriter(SqliteConnection connection, TimeSpan writeEvery) : IDisposable
{
    private readonly RollupStatements _statements = new(connection);
    private readonly RollupBatch _transaction = new(); // clicks of the open transaction
    private readonly RollupBatch _committed = new(); // committed clicks not yet in the rollups
    private long _committedSince;

    /// <summary>True while committed clicks are not yet in the rollups.</summary>
    public bool Pending => !_committed.IsEmpty;

    /// <summary>When the sums must be written (<see cref="Environment.TickCount64"/>); <see cref="long.MaxValue"/> when nothing waits.</summary>
    public long DueAt => _committed.IsEmpty ? long.MaxValue : _committedSince + (long)writeEvery.TotalMilliseconds;

    public void Add(Click click) => _transaction.AddClick(click);

    /// <summary>The clicks' transaction committed: their sums now wait for <see cref="Write"/>.</summary>
    public void Committed()
    {
        if (_transaction.IsEmpty) return;
        if (_committed.IsEmpty) _committedSince = Environment.TickCount64;
        _committed.MergeFrom(_transaction);
        _transaction.Clear();
    }

    /// <summary>The clicks' transaction was rolled back: forgets their sums.</summary>
    public void RolledBack() => _transaction.Clear();

    /// <summary>
    /// Writes the committed sums inside the caller's open transaction (with no clicks in it) and marks
    /// the rollups as counting every click through <paramref name="lastClickId"/>, the newest committed.
    /// Call <see cref="Written"/> once that transaction has committed.
    /// </summary>
    public void Write(long lastClickId)
    {
        _committed.Write(_statements, clear: false);
        _statements.SetClicksThrough(lastClickId);
    }

    /// <summary>The transaction of <see cref="Write"/> committed.</summary>
    public void Written() => _committed.Clear();

    public void Dispose() => _statements.Dispose();
}
