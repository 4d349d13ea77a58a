using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Core.Security;
using Tracker.Web.Clicks;
using Tracker.Web.Conversions;
using Tracker.Web.Data;
using Tracker.Web.Live;
using Tracker.Web.Options;
using Tracker.Web.Reports;

namespace Tracker.Web.Postbacks;

/// <summary>
/// Records postbacks with group commit, the way <see cref="ClickRecorder"/> records clicks: requests
/// queue their postback and wait; one writer thread on its own connection takes everything queued,
/// decides and writes each one in turn inside one transaction, commits, and only then answers them
/// all (one that fails on its own is written again alone, so it cannot cost the others). Postbacks are decided
/// one after another on one connection, so two identical postbacks — in one batch or not — cannot
/// both see "no conversion yet"; across processes the unique indexes on the click and on (subid, tid)
/// catch the loser, which is decided again and answered as a duplicate.
/// </summary>
/// <remarks>
/// A database that stays locked past the busy timeout, a full or read-only disk, or any other
/// failure of the batch's transaction answers every postback of the batch 503 with Retry-After:
/// networks retry those, and nothing was half written. The writer keeps running and the next batch
/// tries again, so the tracker recovers by itself once the disk has space again.
/// </remarks>
public sealed class PostbackWriter : IHostedLifecycleService, IAsyncDisposable
{
    /// <summary>How long one batch waits for a database another writer holds before its postbacks are answered 503.</summary>
    public const int BusyTimeoutSeconds = 5;

    /// <summary>Postbacks waiting beyond this many are answered 503 at once: the writer is not keeping up.</summary>
    public const int QueueCapacity = 8192;

    private const int BatchSize = 512;
    private const int MaxAttempts = 3;

    private readonly string _connectionString;
    private readonly ConversionCapCounter _capCounter;
    private readonly ChangeFeed _changes;
    private readonly TimeProvider _clock;
    private readonly ILogger<PostbackWriter> _logger;
    private readonly ConcurrentQueue<PendingPostback> _queue = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RollupBatch _rollups = new();
    private readonly StorageHealth _storage;
    private int _count;
    private int _sleeping;
    private int _started;
    private volatile bool _closed;
    private volatile bool _failed;

    public PostbackWriter(IOptions<TrackerOptions> options, ConversionCapCounter capCounter, ChangeFeed changes,
        StorageHealth storage, TimeProvider clock, ILogger<PostbackWriter> logger)
    {
        _storage = storage;
        _connectionString = $"Data Source={options.Value.DatabasePath};Pooling=False;Default Timeout={BusyTimeoutSeconds}";
        _capCounter = capCounter;
        _changes = changes;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Decides and records the postback; the answer comes once its transaction has committed (or failed).</summary>
    internal Task<PostbackResult> RecordAsync(PostbackRequest request, ParsedPostback postback, RoutingSnapshot routing) =>
        Enqueue(new PendingPostback(request, postback, routing, null));

    /// <summary>Writes a postback log row on its own (a refused or malformed postback).</summary>
    internal Task<PostbackResult> LogAsync(PostbackLogEntry entry) =>
        Enqueue(new PendingPostback(null, null, null, entry));

    private Task<PostbackResult> Enqueue(PendingPostback pending)
    {
        if (_closed || _failed)
            return Task.FromResult(Busy("the tracker is shutting down or its postback writer stopped"));
        if (Interlocked.Increment(ref _count) > QueueCapacity)
        {
            Interlocked.Decrement(ref _count);
            return Task.FromResult(Busy("too many postbacks are waiting to be written"));
        }
        _queue.Enqueue(pending);
        if (Interlocked.Exchange(ref _sleeping, 0) == 1) _wake.Set();
        return pending.Answer.Task;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
            new Thread(WriteLoop) { IsBackground = true, Name = "Postback writer" }.Start();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after the web server has stopped: everything queued is written first.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken) => DrainAsync().WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await DrainAsync();

    private Task DrainAsync()
    {
        _closed = true;
        _wake.Set();
        return Volatile.Read(ref _started) == 0 ? Task.CompletedTask : _stopped.Task;
    }

    private void WriteLoop()
    {
        var batch = new List<PendingPostback>(BatchSize);
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            SqlitePragmas.Apply(connection);
            using (var pragma = connection.CreateCommand())
            {
                // The WAL checkpointer copies pages on its own thread; a commit here never does. 8 MB of
                // page cache keeps the inner pages of the clicks' subid index and the conversions' and
                // log's indexes in memory between batches (a postback reads one random click leaf).
                pragma.CommandText = "PRAGMA wal_autocheckpoint=0; PRAGMA cache_size=-8192;";
                pragma.ExecuteNonQuery();
            }
            using var rows = new PostbackRows(connection);
            using var rollups = new RollupStatements(connection);
            while (Take(batch))
            {
                WriteBatch(connection, rows, rollups, batch);
                batch.Clear();
            }
        }
        catch (Exception ex)
        {
            _failed = true;
            _logger.LogCritical(ex, "The postback writer failed; postbacks are answered 503 (networks retry) until the tracker is restarted");
            foreach (var p in batch) p.Answer.TrySetResult(Busy("the postback writer stopped"));
            while (_queue.TryDequeue(out var p)) p.Answer.TrySetResult(Busy("the postback writer stopped"));
        }
        finally
        {
            while (_queue.TryDequeue(out var p)) p.Answer.TrySetResult(Busy("the tracker is shutting down"));
            _stopped.TrySetResult();
        }
    }

    private bool Take(List<PendingPostback> batch)
    {
        while (true)
        {
            while (batch.Count < BatchSize && _queue.TryDequeue(out var p))
            {
                Interlocked.Decrement(ref _count);
                batch.Add(p);
            }
            if (batch.Count > 0) return true;
            if (_closed) return false;
            Volatile.Write(ref _sleeping, 1);
            if (!_queue.IsEmpty || _closed)
            {
                Volatile.Write(ref _sleeping, 0);
                continue;
            }
            _wake.WaitOne();
        }
    }

    private void WriteBatch(SqliteConnection connection, PostbackRows rows, RollupStatements rollups, List<PendingPostback> batch)
    {
        var outcomes = new Written[batch.Count];
        try
        {
            // All in one transaction. A postback of its own failing (not the database) is rare: then
            // the batch is undone and each postback written in a transaction of its own, so one bad
            // postback cannot cost the others. (Savepoints per postback would make SQLite copy every
            // page a postback touches into a statement journal: most of a postback's cost.)
            Exec(connection, "BEGIN IMMEDIATE");
            for (var i = 0; i < batch.Count; i++) outcomes[i] = Decide(rows, batch[i]);
            _rollups.Write(rollups);
            Exec(connection, "COMMIT");
        }
        catch (Exception ex) when (!IsDatabaseFailure(ex) && batch.Count > 1)
        {
            Rollback(connection);
            _logger.LogWarning(ex, "Writing a batch of {Count} postbacks failed; writing them one by one", batch.Count);
            for (var i = 0; i < batch.Count; i++) outcomes[i] = WriteAlone(connection, rows, rollups, batch[i]);
        }
        catch (Exception ex)
        {
            Rollback(connection);
            var why = Why(ex);
            _logger.LogError(ex, "{Count} postbacks were not recorded ({Why}); each was answered 503 so the network retries it", batch.Count, why);
            if (SqliteErrors.DiskProblem(ex) is { } problem) _storage.Failed(problem);
            foreach (var p in batch) p.Answer.TrySetResult(Busy(why));
            return;
        }
        if (!_storage.Current.IsHealthy && _storage.Current.ClicksWaiting == 0) _storage.Recovered();

        for (var i = 0; i < batch.Count; i++)
        {
            var written = outcomes[i];
            if (written.Applied is not null) _capCounter.Record(written.Applied);
            batch[i].Answer.TrySetResult(written.Result);
        }
        // Live views hear about it off this thread: a subscriber never delays the next batch.
        ThreadPool.UnsafeQueueUserWorkItem(static state =>
        {
            var (changes, written) = state;
            foreach (var w in written)
            {
                if (w.ConversionId is { } conversionId) changes.Publish(new ChangeNotice(ChangeNotice.Conversion, conversionId, 1));
                if (w.ClickId is { } clickId) changes.Publish(new ChangeNotice(ChangeNotice.Click, clickId, 1));
                if (w.LogId > 0) changes.Publish(new ChangeNotice(ChangeNotice.Postback, w.LogId, 1));
            }
        }, (_changes, outcomes), preferLocal: false);
    }

    /// <summary>
    /// One postback in a transaction of its own. A lost race on a unique index (another process wrote
    /// the same conversion or (subid, tid) first) is decided again, and the policy then sees it; a
    /// failure of its own costs only its answer (503, so the network retries); a failing database
    /// fails it like a batch.
    /// </summary>
    private Written WriteAlone(SqliteConnection connection, PostbackRows rows, RollupStatements rollups, PendingPostback pending)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Exec(connection, "BEGIN IMMEDIATE");
                var written = Decide(rows, pending);
                _rollups.Write(rollups);
                Exec(connection, "COMMIT");
                return written;
            }
            catch (Exception ex)
            {
                Rollback(connection);
                if (IsConstraint(ex) && attempt < MaxAttempts)
                {
                    _logger.LogInformation("Postback for {SubId} lost a race on a unique index; deciding again", pending.Postback?.SubId);
                    continue;
                }
                _logger.LogError(ex, "Postback for {SubId} could not be recorded; answered 503 so the network retries it", pending.Postback?.SubId);
                return new Written(Busy(IsDatabaseFailure(ex) ? Why(ex) : "it could not be recorded"), 0, null, null, null);
            }
        }
    }

    private void Rollback(SqliteConnection connection)
    {
        _rollups.Clear();
        try
        {
            if (connection.Handle is { } handle && raw.sqlite3_get_autocommit(handle) == 0) Exec(connection, "ROLLBACK");
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Rolling back a failed postback transaction failed");
        }
    }

    private static bool IsConstraint(Exception ex) => SqliteErrors.IsConstraint(ex);

    /// <summary>The database could not take the write (busy, full, read-only, I/O): every postback would fail alike.</summary>
    private static bool IsDatabaseFailure(Exception ex) => SqliteErrors.Code(ex) is not null && !SqliteErrors.IsConstraint(ex);

    /// <summary>Decides one postback inside the open transaction and writes its rows; its rollup change is gathered for the commit.</summary>
    private Written Decide(PostbackRows rows, PendingPostback pending)
    {
        if (pending.LogOnly is { } logOnly)
        {
            rows.Insert(logOnly);
            return new Written(new PostbackResult(StatusCodes.Status200OK, "", logOnly.Outcome, null), logOnly.Id, null, null, null);
        }
        var request = pending.Request!;
        var postback = pending.Postback!;
        var routing = pending.Routing!;
        var now = _clock.GetUtcNow().UtcDateTime;

        var found = rows.FindClick(postback.SubId);
        if (found is null)
        {
            var hint = PostbackParser.LooksLikeUnfilledToken(postback.SubId)
                ? " It still looks like a network token: the network sent its template without filling in the click id."
                : "";
            var message = $"No click has subid '{postback.SubId}'.{hint}";
            var unknown = PostbackRecorder.NewEntry(now, request, postback.SubId, postback.Status, postback.From, PostbackOutcome.UnknownSubId, message);
            rows.Insert(unknown);
            return new Written(new PostbackResult(StatusCodes.Status404NotFound, $"unknown subid: {message}", PostbackOutcome.UnknownSubId, null),
                unknown.Id, null, null, null);
        }

        var (click, parametersJson) = found.Value;
        var conversion = rows.FindConversion(click.Id);
        var transactions = conversion is null ? [] : rows.Transactions(click.SubId);
        var offer = click.OfferId is { } offerId ? routing.Offers.GetValueOrDefault(offerId) : null;

        if (offer?.AffiliateNetworkId is { } networkId && SourceNotAllowed(routing, networkId, request.SourceIp) is { } notAllowed)
        {
            // Refused before the policy sees it: nothing about the conversion changes.
            _logger.LogWarning("Postback for {SubId} refused: {Message}", postback.SubId, notAllowed);
            var refused = PostbackRecorder.NewEntry(now, request, postback.SubId, postback.Status, postback.From, PostbackOutcome.AddressNotAllowed, notAllowed);
            refused.ConversionId = conversion?.Id;
            rows.Insert(refused);
            return new Written(new PostbackResult(StatusCodes.Status403Forbidden, "forbidden: this address may not send postbacks for this network", PostbackOutcome.AddressNotAllowed, null),
                refused.Id, null, null, null);
        }

        var decision = PostbackPolicy.Decide(click, conversion, transactions, offer, postback, routing.Rates);
        AppliedPostback? applied = null;
        var clickChanged = false;
        if (decision.ChangesConversion)
        {
            var before = ConversionRollups.Parts(conversion, transactions);
            var stored = new (ConversionStatus, long, long)[transactions.Count];
            for (var i = 0; i < transactions.Count; i++)
                stored[i] = (transactions[i].Status, transactions[i].RevenueMicros, transactions[i].PendingMicros);
            if (postback.ClickParameters.Count > 0) PostbackRows.LoadParameters(click, parametersJson);

            applied = PostbackPolicy.Apply(decision, click, conversion, transactions, postback.ClickParameters, now);

            if (decision.Action == PostbackAction.Create) rows.Insert(applied.Conversion);
            else rows.Update(applied.Conversion);
            for (var i = 0; i < transactions.Count; i++)
                if (stored[i] != (transactions[i].Status, transactions[i].RevenueMicros, transactions[i].PendingMicros))
                    rows.Update(transactions[i]);
            if (applied.NewTransaction is { } added)
            {
                added.ConversionId = applied.Conversion.Id;
                rows.Insert(added);
            }
            if (postback.ClickParameters.Count > 0)
            {
                rows.UpdateParameters(click);
                clickChanged = true;
            }
            ConversionRollups.Add(_rollups, click, before,
                ConversionRollups.Parts(applied.Conversion, applied.NewTransaction is { } t ? [.. transactions, t] : transactions));
        }
        else if (decision.Action == PostbackAction.Refuse)
        {
            _logger.LogError("Postback for {SubId} (offer {OfferId}) not recorded: {Message}", postback.SubId, click.OfferId, decision.Message);
        }

        var entry = PostbackRecorder.NewEntry(now, request, postback.SubId, postback.Status, postback.From, decision.Outcome, decision.Message);
        entry.ConversionId = applied?.Conversion.Id ?? conversion?.Id;
        rows.Insert(entry);

        var result = decision.Action == PostbackAction.Refuse
            ? new PostbackResult(StatusCodes.Status400BadRequest, $"not recorded: {decision.Message}", decision.Outcome, null)
            : new PostbackResult(StatusCodes.Status200OK, postback.Return ?? $"{decision.Outcome.Words()}: {decision.Message}", decision.Outcome, entry.ConversionId);
        return new Written(result, entry.Id, applied, applied?.Conversion.Id, clickChanged ? click.Id : null);
    }

    /// <summary>Why the network's postback IP allow-list refuses <paramref name="sourceIp"/>, or null when it allows it (or is empty).</summary>
    private static string? SourceNotAllowed(RoutingSnapshot routing, int networkId, string sourceIp)
    {
        if (!routing.Networks.TryGetValue(networkId, out var network) || string.IsNullOrWhiteSpace(network.PostbackAllowedIps)) return null;
        var allowList = IpAllowList.FromStored(network.PostbackAllowedIps);
        if (allowList.Allows(IPAddress.TryParse(sourceIp, out var address) ? address : null)) return null;
        var from = string.IsNullOrEmpty(sourceIp) ? "an unknown address" : sourceIp;
        return $"Not recorded: the postback came from {from}, which is not in the postback IP allow-list of the network '{network.Name}'. "
            + "If the network sends from a new address, add it to the network's allow-list; the network may resend the postback then.";
    }

    private static string Why(Exception ex) =>
        SqliteErrors.DiskProblem(ex)
        ?? (SqliteErrors.IsBusy(ex) ? "the database is busy" : "it could not be written");

    private static void Exec(SqliteConnection connection, string sql)
    {
        var handle = connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(handle, sql), handle);
    }

    internal static PostbackResult Busy(string why) =>
        new(StatusCodes.Status503ServiceUnavailable, $"busy: {why}; retry later.", PostbackOutcome.Failed, null);

    private sealed record PendingPostback(PostbackRequest? Request, ParsedPostback? Postback, RoutingSnapshot? Routing, PostbackLogEntry? LogOnly)
    {
        public TaskCompletionSource<PostbackResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly record struct Written(PostbackResult Result, long LogId, AppliedPostback? Applied, long? ConversionId, long? ClickId);
}
