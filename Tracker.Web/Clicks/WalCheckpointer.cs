using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tracker.Web.Data;

namespace Tracker.Web.Clicks;

/// <summary>
/// Copies committed pages from the WAL into the database file on its own thread and connection,
/// continuously while clicks are being written (PASSIVE: it never waits for, or blocks, the writer
/// or readers). The fsyncs a checkpoint needs happen here, not in a click's commit; the click writer
/// only finishes the last few pages now and then so the WAL can start over from the top.
/// </summary>
internal sealed class WalCheckpointer(string connectionString, ILogger logger) : IDisposable
{
    private static readonly TimeSpan Busy = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(500);

    private readonly ManualResetEventSlim _stop = new();
    private Thread? _thread;

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "WAL checkpointer" };
        _thread.Start();
    }

    public void Stop()
    {
        _stop.Set();
        _thread?.Join();
    }

    private void Run()
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            SqlitePragmas.Apply(connection);
            var db = connection.Handle!;
            var wait = Idle;
            var lastFrames = 0;
            while (!_stop.Wait(wait))
            {
                var rc = raw.sqlite3_wal_checkpoint_v2(db, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out var frames, out var done);
                if (rc == raw.SQLITE_OK)
                {
                    // While the WAL keeps changing, keep up with it; once it stands still, look less often.
                    wait = frames != lastFrames || done < frames ? Busy : Idle;
                    lastFrames = frames;
                }
                else if (rc == raw.SQLITE_BUSY)
                {
                    wait = Busy; // the click writer is finishing one
                }
                else
                {
                    logger.LogWarning("WAL checkpoint failed with SQLite code {Code}; the next one retries", rc);
                    wait = Idle;
                }
            }
        }
        catch (Exception ex)
        {
            // The writer still checkpoints on its own, only in bigger steps; the tracker keeps working.
            logger.LogError(ex, "The WAL checkpointer stopped");
        }
    }

    public void Dispose() => _stop.Dispose();
}
