using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tracker.Core.Clicks;
using Tracker.Web.Data;
using Tracker.Web.Live;
using Tracker.Web.Options;
using Tracker.Web.Reports;

namespace Tracker.Web.Clicks;

/// <summary>
/// Writes clicks durably with group commit. Requests queue their click and wait; one writer thread on
/// its own SQLite connection takes everything queued, inserts it in one transaction and only then
/// releases those requests. So a response never carries a subid that is not in the database, and
/// under load many clicks share one commit (at a trickle, each click is its own small commit).
/// </summary>
/// <remarks>
/// <para><b>Durability.</b> WAL with synchronous=NORMAL: a committed transaction survives the process
/// being killed (only an operating-system crash or power loss can lose the last commits).</para>
/// <para><b>Threads.</b> The writer is a dedicated thread, so its synchronous SQLite calls never hold a
/// thread-pool thread. WAL checkpoints (which fsync) run on their own thread (<see cref="WalCheckpointer"/>);
/// every few thousand clicks the writer finishes the last pages itself between two batches, so the WAL
/// starts over and stays bounded under sustained load.</para>
/// <para><b>A disk that refuses writes</b> (full, read-only, failing) is the one exception to "committed
/// before the answer": the visitor is still sent on, and the click waits in memory (up to
/// <see cref="MaxWaitingClicks"/>) until the disk takes it, retried every second (<see cref="StorageHealth"/>
/// tells the admin and <c>/health</c>). A database locked by another writer is not a disk problem: those
/// clicks are refused (503) as before.</para>
/// <para><b>Shutdown.</b> The queue is closed only after the web server has finished its in-flight
/// requests, and everything queued is written first.</para>
/// <para><b>Report rollups.</b> The committed clicks' sums are added to the rollups every
/// <see cref="ClickTrackingOptions.RollupWriteMilliseconds"/>, when a report asks (<see cref="PendingRollups"/>)
/// and at a stop, in a transaction of their own (<see cref="ClickRollupWriter"/>); a crash loses none of them.</para>
/// <para><b>Live views.</b> <see cref="ChangeNotice.Click"/> notices carry the id of the newest stored
/// click, at most ten a second and never from the writer's own thread (<see cref="ClickNoticeThrottle"/>).</para>
/// </remarks>
public sealed class ClickRecorder : IHostedLifecycleService, IAsyncDisposable
{
    // About 40 MB of WAL at the ~5 KB a click row costs there (table, three indexes, their parents);
    // finishing a checkpoint takes ~10 ms, so under full load that is a pause every second or so.
    private const int CheckpointEveryRows = 8192;

    private readonly ClickQueue _queue;
    private readonly int _batchSize;
    private readonly bool _withoutRollups;
    private readonly TimeSpan _rollupsEvery;
    private readonly string _connectionString;
    private readonly ClickNoticeThrottle _notices;
    private readonly ILogger<ClickRecorder> _logger;
    private readonly TaskCompletionSource _writerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WalCheckpointer _checkpointer;

    private readonly StorageHealth _storage;
    private readonly PendingRollups _pendingRollups;
    private long _rollupsRetryAt;

    // Clicks whose visitors were sent on while the disk refused writes (full, read-only, failing):
    // kept in memory, oldest first, and written as soon as the disk takes them. Writer thread only.
    private readonly List<Click> _waiting = [];
    private long _dropped;
    private long _retryAt;

    /// <summary>At most this many clicks wait in memory for the disk (about 1 KB each); more are sent on unrecorded.</summary>
    public const int MaxWaitingClicks = 100_000;

    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    private int _rowsSinceCheckpoint;
    private int _started;

    public ClickRecorder(IOptions<TrackerOptions> trackerOptions, IOptions<ClickTrackingOptions> options,
        ChangeFeed changes, StorageHealth storage, PendingRollups pendingRollups, ILogger<ClickRecorder> logger)
    {
        _storage = storage;
        _pendingRollups = pendingRollups;
        _connectionString = $"Data Source={trackerOptions.Value.DatabasePath};Pooling=False";
        _batchSize = options.Value.ClickBatchSize;
        _withoutRollups = options.Value.Benchmark.WithoutRollups;
        _rollupsEvery = TimeSpan.FromMilliseconds(options.Value.RollupWriteMilliseconds);
        _notices = new ClickNoticeThrottle(changes);
        _logger = logger;
        _checkpointer = new WalCheckpointer(_connectionString, logger);
        // The request that queues a click wakes the writer itself (when it sleeps): a wake-up through
        // the thread pool would queue behind the very requests waiting for it.
        _queue = new ClickQueue(options.Value.ClickQueueCapacity);
    }

    /// <summary>
    /// Resolves true once the click's transaction has committed; false when it could not be stored
    /// (the caller must then not hand out its subid) or the tracker is shutting down.
    /// </summary>
    /// <param name="click">The click.</param>
    /// <param name="trace">Its decision trace, stored instead of <see cref="Click.Trace"/> when given; the recorder returns it to the pool.</param>
    public ValueTask<bool> RecordAsync(Click click, DecisionTrace? trace = null)
    {
        var pending = PendingClick.Rent(click, trace);
        // Not cancelled by the request: once queued, the click is written even if the visitor left.
        var queued = _queue.AddAsync(pending);
        if (queued.IsCompletedSuccessfully)
            return queued.Result ? pending.Stored : Refused(pending);
        return WhenQueuedAsync(pending, queued);
    }

    private static async ValueTask<bool> WhenQueuedAsync(PendingClick pending, ValueTask<bool> queued) =>
        await queued ? await pending.Stored : await Refused(pending);

    // Never queued: complete it so it goes back to the pool, and answer false.
    private static ValueTask<bool> Refused(PendingClick pending)
    {
        pending.Complete(false);
        return pending.Stored;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return Task.CompletedTask;
        new Thread(WriteLoop) { IsBackground = true, Name = "Click writer" }.Start();
        _checkpointer.Start();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after every hosted service, the web server included, has stopped: no request can still be adding clicks.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        await DrainAsync().WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Drains too, for hosts disposed without being stopped. May run more than once and concurrently
    /// with <see cref="StoppedAsync"/> (the host is stopped by whoever owns it and disposed by its
    /// runner), so nothing here is torn down.
    /// </summary>
    public async ValueTask DisposeAsync() => await DrainAsync();

    private async Task DrainAsync()
    {
        _queue.Close();
        if (Volatile.Read(ref _started) == 0) return;
        await _writerStopped.Task;
        _checkpointer.Stop();
    }

    private void WriteLoop()
    {
        var batch = new List<PendingClick>(Math.Min(_batchSize, 1024));
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            SqlitePragmas.Apply(connection);
            using (var pragma = connection.CreateCommand())
            {
                // Checkpoints run beside the writer. A click batch touches only the right-hand edges of
                // the clicks table, its indexes and the current rollup rows, so 4 MB of page cache holds
                // all it needs; SQLite scans the whole cache's hash table at the end of every commit
                // (pcache1TruncateUnsafe, 8 % of the writer's time at 32 MB), so bigger is slower here.
                pragma.CommandText = "PRAGMA wal_autocheckpoint=0; PRAGMA cache_size=-4096; PRAGMA journal_size_limit=67108864;";
                pragma.ExecuteNonQuery();
            }
            using var rows = new ClickRowWriter(connection, !_withoutRollups, _rollupsEvery);
            _pendingRollups.Attach(_queue.Poke);
            while (_queue.Take(batch, _batchSize, WaitMs(rows)))
            {
                _answered = 0;
                if (_waiting.Count > 0 && !WriteWaiting(rows))
                {
                    // The disk still refuses: these wait too, and their visitors are sent on.
                    for (var i = 0; i < batch.Count; i++)
                    {
                        Wait(batch[i]);
                        Answer(batch, i, true);
                    }
                    ClickAnswers.Dispatch(_answers);
                    _storage.Failed(_storage.Current.Problem ?? "the disk refuses writes", _waiting.Count, _dropped);
                    batch.Clear();
                    KeepRollups(rows);
                    continue;
                }
                if (batch.Count == 0)
                {
                    KeepRollups(rows);
                    continue;
                }
                var committed = CommitBatch(rows, batch);
                // A report that starts once these clicks are answered must wait for their rollups.
                _pendingRollups.Holding(rows.RollupsPending);
                // The requests go on (on the thread pool) before anything else happens here.
                ClickAnswers.Dispatch(_answers);
                if (committed) _notices.Committed(rows.LastCommittedClickId);
                var count = batch.Count;
                batch.Clear(); // every click is answered: none of them may be touched again
                AfterCommit(rows, count);
                KeepRollups(rows);
            }
            KeepRollups(rows, force: true);
            if (_waiting.Count > 0)
                _logger.LogCritical("Stopping with {Count} clicks that the disk never took; they are not recorded", _waiting.Count);
            _logger.LogInformation("Click writer stopped; every queued click is written");
        }
        catch (Exception ex)
        {
            // Without a writer no click can be stored: refuse new ones (503) rather than let requests wait forever.
            _logger.LogCritical(ex, "The click writer failed; clicks are refused until the tracker is restarted");
            _storage.WriterStopped($"the click writer stopped ({ex.Message}); clicks are refused until the tracker is restarted");
            ClickAnswers.Dispatch(_answers);
            for (var i = _answered; i < batch.Count; i++) batch[i].Complete(false);
            batch.Clear();
        }
        finally
        {
            _pendingRollups.Detach();
            _queue.Stopped();
            _notices.Flush();
            _writerStopped.TrySetResult();
        }
    }

    /// <summary>All in one transaction; if that fails, each click on its own so one bad row cannot cost the others. True when any click was stored.</summary>
    /// <remarks>Every click is answered exactly once, in order (<see cref="Answer"/>): an answered click's request may already reuse its slot.</remarks>
    private bool CommitBatch(ClickRowWriter rows, List<PendingClick> batch)
    {
        try
        {
            rows.Begin();
            foreach (var pending in batch) rows.Insert(pending.Click, pending.Trace);
            rows.Commit();
            for (var i = 0; i < batch.Count; i++) Answer(batch, i, true);
            if (!_storage.Current.IsHealthy) _storage.Recovered();
            return true;
        }
        catch (SqliteException ex) when (SqliteErrors.DiskProblem(ex) is { } problem)
        {
            // The disk refuses the write. The visitors are sent on all the same; their clicks wait in
            // memory and are written as soon as the disk takes them (no restart needed).
            rows.Rollback();
            _logger.LogError(ex, "Writing {Count} clicks failed: {Problem}; their visitors are sent on and the clicks wait in memory", batch.Count, problem);
            for (var i = 0; i < batch.Count; i++)
            {
                Wait(batch[i]);
                Answer(batch, i, true);
            }
            _storage.Failed(problem, _waiting.Count, _dropped);
            _retryAt = Environment.TickCount64 + (long)RetryEvery.TotalMilliseconds;
            return false;
        }
        catch (SqliteException ex) when (SqliteErrors.IsBusy(ex))
        {
            // Another writer held the database past busy_timeout: one by one would only wait again per click.
            rows.Rollback();
            _logger.LogError(ex, "The database stayed locked; {Count} clicks are refused (503) and none of their subids handed out", batch.Count);
            for (var i = 0; i < batch.Count; i++) Answer(batch, i, false);
            return false;
        }
        catch (Exception ex)
        {
            rows.Rollback();
            _logger.LogWarning(ex, "Writing a batch of {Count} clicks failed; retrying them one by one", batch.Count);
        }

        var stored = false;
        for (var i = 0; i < batch.Count; i++)
        {
            var click = batch[i].Click;
            bool ok;
            try
            {
                rows.Begin();
                rows.Insert(click, batch[i].Trace);
                rows.Commit();
                ok = stored = true;
            }
            catch (Exception ex)
            {
                rows.Rollback();
                _logger.LogError(ex, "Click {SubId} on campaign {CampaignId} could not be stored; the visitor gets 503", click.SubId, click.CampaignId);
                ok = false;
            }
            Answer(batch, i, ok);
        }
        return stored;
    }

    private void Wait(PendingClick pending)
    {
        if (_waiting.Count >= MaxWaitingClicks)
        {
            _dropped++;
            return;
        }
        // Its request takes the pooled trace back once answered: the waiting click keeps a copy.
        if (pending.Trace is { } trace) pending.Click.Trace = trace.ToList();
        _waiting.Add(pending.Click);
    }

    /// <summary>Writes the clicks that waited for the disk, in one transaction, at most once a second. True once none wait.</summary>
    private bool WriteWaiting(ClickRowWriter rows)
    {
        if (Environment.TickCount64 < _retryAt) return false;
        try
        {
            rows.Begin();
            foreach (var click in _waiting) rows.Insert(click, null);
            rows.Commit();
        }
        catch (Exception ex)
        {
            rows.Rollback();
            _retryAt = Environment.TickCount64 + (long)RetryEvery.TotalMilliseconds;
            if (SqliteErrors.DiskProblem(ex) is { } problem) _storage.Failed(problem, _waiting.Count, _dropped);
            else _logger.LogError(ex, "Writing the {Count} clicks that waited for the disk failed; trying again in a second", _waiting.Count);
            return false;
        }
        _logger.LogWarning("The disk takes writes again: the {Count} clicks that waited in memory are written", _waiting.Count);
        _notices.Committed(rows.LastCommittedClickId);
        _waiting.Clear();
        _storage.Recovered();
        return true;
    }

    // How long the writer may sleep: until the rollup sums are due, and at most a second while clicks wait for the disk.
    private int WaitMs(ClickRowWriter rows)
    {
        var wait = _waiting.Count > 0 ? (long)RetryEvery.TotalMilliseconds : long.MaxValue;
        var due = Math.Max(rows.RollupsDueAt, _rollupsRetryAt);
        if (due != long.MaxValue) wait = Math.Min(wait, Math.Max(1, due - Environment.TickCount64));
        return wait == long.MaxValue ? Timeout.Infinite : (int)wait;
    }

    /// <summary>Adds the committed clicks to the report rollups when they are due, a report asks, or the writer stops (<paramref name="force"/>).</summary>
    private void KeepRollups(ClickRowWriter rows, bool force = false)
    {
        var now = Environment.TickCount64;
        var due = force || (now >= _rollupsRetryAt && (_pendingRollups.Asked || now >= rows.RollupsDueAt));
        if (due && rows.RollupsPending)
        {
            try
            {
                rows.WriteRollups();
                _rollupsRetryAt = 0;
            }
            catch (SqliteException ex)
            {
                // The sums stay in memory and are written with the next try; a crash meanwhile loses
                // nothing (the start-up counts the clicks after ReportRollupState.ClicksThrough). The
                // reports waiting go on with what the rollups hold.
                _logger.LogWarning(ex, "Adding the latest clicks to the report rollups failed; retrying in a second");
                _rollupsRetryAt = now + (long)RetryEvery.TotalMilliseconds;
                _pendingRollups.Release();
            }
        }
        _pendingRollups.Holding(rows.RollupsPending);
    }

    // Clicks of the current batch answered so far; a failing writer refuses only the rest.
    private int _answered;

    // Answers collected while a batch is written, handed to the thread pool once it is done.
    private readonly ClickAnswers _answers = new();

    private void Answer(List<PendingClick> batch, int index, bool stored)
    {
        _answers.Add(batch[index], stored);
        _answered = index + 1;
    }

    // The checkpointer copies pages as they come; finishing its last few here, between batches, lets
    // the next transaction start the WAL over, so it stays bounded.
    private void AfterCommit(ClickRowWriter rows, int count)
    {
        _rowsSinceCheckpoint += count;
        if (_rowsSinceCheckpoint < CheckpointEveryRows) return;
        try
        {
            if (rows.Checkpoint().Frames >= 0) _rowsSinceCheckpoint = 0;
        }
        catch (SqliteException ex)
        {
            // A checkpoint that cannot write the database file (disk full) leaves the WAL as it is: the
            // clicks are committed there, and the next checkpoint copies them.
            _logger.LogWarning(ex, "WAL checkpoint failed; the next one retries");
        }
    }
}
