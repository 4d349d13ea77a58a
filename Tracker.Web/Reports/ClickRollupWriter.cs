using Microsoft.Data.Sqlite;
using Tracker.Core.Clicks;

namespace Tracker.Web.Reports;

/// <summary>
/// Keeps the report rollups current with the click writer's batches: each click is added to a sum in
/// memory by rollup key, and <see cref="Write"/> (inside the batch's transaction, before COMMIT) issues
/// one upsert per distinct key — at load, many clicks share a key and cost one row write between them.
/// </summary>
public sealed class ClickRollupWriter(SqliteConnection connection) : IDisposable
{
    private readonly RollupStatements _statements = new(connection);
    private readonly RollupBatch _batch = new();

    public void Add(Click click) => _batch.AddClick(click);

    /// <summary>Writes the sums of the clicks added since the last write or reset.</summary>
    public void Write() => _batch.Write(_statements);

    /// <summary>Forgets the clicks added (their transaction was rolled back).</summary>
    public void Reset() => _batch.Clear();

    public void Dispose() => _statements.Dispose();
}
