using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tracker.Core.Clicks;
using Tracker.Web.Data;
using Tracker.Web.Reports;
using ReportColumns = Tracker.Web.Reports.ClickReportColumns;

namespace Tracker.Web.Clicks;

/// <summary>
/// Inserts clicks through one prepared statement on the writer's own connection, talking to SQLite
/// directly: values are bound as UTF-8 from reused buffers and the JSON columns are written straight
/// into them, so a row costs no reader, no parameter objects and no intermediate strings.
/// </summary>
/// <remarks>
/// Writes exactly what EF Core reads back: times as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (UTC), booleans
/// as 0/1, <see cref="Click.Parameters"/> and <see cref="Click.Trace"/> as JSON (characters such as
/// quotes are escaped the short way; the columns are data, never embedded in HTML unescaped). A trace
/// sentence that recurs across clicks is stored once and written as its id (<see cref="TraceLineInterner"/>,
/// read back through <see cref="TraceLines"/>).
/// Used by one thread only.
/// </remarks>
internal sealed class ClickRowWriter : IDisposable
{
    private const string InsertSql = """
        INSERT INTO clicks (SubId, CreatedAt, CampaignId, StreamId, OfferId, AffiliateNetworkId, Country, Ip,
            UserAgent, Referrer, Language, IsUnique, Parameters, CostMicros, CostCurrency, RevenueMicros, Trace,
            CostBaseMicros, Source, Keyword, SubId1, SubId2, SubId3, SubId4, SubId5, BotReason)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)
        """;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly ClickRollupWriter? _rollups;
    private readonly TraceLineInterner _traceLines;
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private readonly Utf8JsonWriter _jsonWriter;
    private byte[] _text = new byte[4096];
    private bool _inserted; // the open transaction holds a click

    /// <param name="connection">The writer's open connection.</param>
    /// <param name="withRollups">False only for bench/'s measurement of what the rollups cost (<see cref="Options.BenchmarkOptions.WithoutRollups"/>).</param>
    /// <param name="rollupsEvery">How long committed clicks may wait before they are added to the report rollups (<see cref="ClickRollupWriter"/>).</param>
    public ClickRowWriter(SqliteConnection connection, bool withRollups, TimeSpan rollupsEvery)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        Check(raw.sqlite3_prepare_v2(_db, InsertSql, out _insert));
        _jsonWriter = new Utf8JsonWriter(_json, JsonOptions);
        _rollups = withRollups ? new ClickRollupWriter(connection, rollupsEvery) : null;
        _traceLines = new TraceLineInterner(_db);
    }

    public void Begin() => Check(raw.sqlite3_exec(_db, "BEGIN IMMEDIATE"));

    public void Commit()
    {
        Check(raw.sqlite3_exec(_db, "COMMIT"));
        _traceLines.Committed();
        _rollups?.Committed();
        // A click is the last row a transaction inserts (its trace sentences go in before it).
        if (_inserted) LastCommittedClickId = raw.sqlite3_last_insert_rowid(_db);
        _inserted = false;
    }

    /// <summary>The id of the newest click committed through this writer; 0 before the first.</summary>
    public long LastCommittedClickId { get; private set; }

    /// <summary>True while committed clicks wait to be added to the report rollups (<see cref="ClickRollupWriter"/>).</summary>
    public bool RollupsPending => _rollups?.Pending == true;

    /// <summary>When the waiting rollup sums must be written (<see cref="Environment.TickCount64"/>); <see cref="long.MaxValue"/> when none wait.</summary>
    public long RollupsDueAt => _rollups?.DueAt ?? long.MaxValue;

    /// <summary>Adds the committed clicks to the report rollups, in a transaction of its own (no open transaction allowed).</summary>
    public void WriteRollups()
    {
        if (_rollups is not { Pending: true } rollups) return;
        try
        {
            Check(raw.sqlite3_exec(_db, "BEGIN IMMEDIATE"));
            rollups.Write(LastCommittedClickId);
            Check(raw.sqlite3_exec(_db, "COMMIT"));
        }
        catch
        {
            if (raw.sqlite3_get_autocommit(_db) == 0) raw.sqlite3_exec(_db, "ROLLBACK");
            throw;
        }
        rollups.Written();
    }

    /// <summary>Undoes an open transaction; a no-op when SQLite already rolled it back.</summary>
    public void Rollback()
    {
        _rollups?.RolledBack();
        _inserted = false;
        _traceLines.RolledBack();
        if (raw.sqlite3_get_autocommit(_db) == 0) Check(raw.sqlite3_exec(_db, "ROLLBACK"));
    }

    /// <summary>
    /// Copies committed pages from the WAL into the database without waiting for anyone (PASSIVE).
    /// Done between batches, when it has caught up the next transaction starts the WAL from the top
    /// again, which keeps it from growing without end under sustained load.
    /// </summary>
    /// <returns>Frames in the WAL and frames now checkpointed; (-1, -1) when another checkpoint was running.</returns>
    public (int Frames, int Checkpointed) Checkpoint()
    {
        var rc = raw.sqlite3_wal_checkpoint_v2(_db, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out var frames, out var checkpointed);
        if (rc == raw.SQLITE_BUSY) return (-1, -1);
        Check(rc);
        return (frames, checkpointed);
    }

    /// <param name="click">The click.</param>
    /// <param name="trace">Its decision trace, written instead of <see cref="Click.Trace"/> when given.</param>
    public void Insert(Click click, DecisionTrace? trace)
    {
        try
        {
            Text(1, click.SubId);
            Span<byte> time = stackalloc byte[32];
            click.CreatedAt.ToUniversalTime().TryFormat(time, out var written, SqliteTime.Format, CultureInfo.InvariantCulture);
            Check(SqliteNative.BindText(_insert, 2, time[..written]));
            Check(SqliteNative.BindInt64(_insert, 3, click.CampaignId));
            NullableInt(4, click.StreamId);
            NullableInt(5, click.OfferId);
            NullableInt(6, click.AffiliateNetworkId);
            Text(7, click.Country);
            Text(8, click.Ip);
            Text(9, click.UserAgent);
            Text(10, click.Referrer);
            Text(11, click.Language);
            Check(SqliteNative.BindInt64(_insert, 12, click.IsUnique ? 1 : 0));
            Json(13, click.Parameters);
            Check(SqliteNative.BindInt64(_insert, 14, click.CostMicros));
            Text(15, click.CostCurrency);
            Check(SqliteNative.BindInt64(_insert, 16, click.RevenueMicros));
            if (trace is not null) Json(17, trace);
            else Json(17, click.Trace);
            Check(SqliteNative.BindInt64(_insert, 18, click.CostBaseMicros));
            for (var i = 0; i < ReportColumns.All.Count; i++) Text(19 + i, ReportColumns.Value(click, ReportColumns.All[i]));
            Check(SqliteNative.BindInt64(_insert, 26, (int)click.BotReason));
            var rc = raw.sqlite3_step(_insert);
            if (rc != raw.SQLITE_DONE) Check(rc);
            _inserted = true;
            _rollups?.Add(click);
        }
        finally
        {
            raw.sqlite3_reset(_insert);
        }
    }

    private void NullableInt(int index, int? value) =>
        Check(value is { } v ? SqliteNative.BindInt64(_insert, index, v) : SqliteNative.BindNull(_insert, index));

    // sqlite3_bind_text copies the bytes (SQLITE_TRANSIENT), so one buffer serves every column.
    private void Text(int index, string value)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_text.Length < needed) _text = new byte[Math.Max(needed, _text.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _text);
        Check(SqliteNative.BindText(_insert, index, _text.AsSpan(0, length)));
    }

    private void Json(int index, Dictionary<string, string> values)
    {
        _json.ResetWrittenCount();
        _jsonWriter.Reset();
        _jsonWriter.WriteStartObject();
        foreach (var (name, value) in values) _jsonWriter.WriteString(name, value);
        _jsonWriter.WriteEndObject();
        _jsonWriter.Flush();
        Check(SqliteNative.BindText(_insert, index, _json.WrittenSpan));
    }

    private void Json(int index, List<string> values)
    {
        _json.ResetWrittenCount();
        _jsonWriter.Reset();
        _jsonWriter.WriteStartArray();
        foreach (var value in values) _jsonWriter.WriteStringValue(value);
        _jsonWriter.WriteEndArray();
        _jsonWriter.Flush();
        Check(SqliteNative.BindText(_insert, index, _json.WrittenSpan));
    }

    private void Json(int index, DecisionTrace trace)
    {
        _json.ResetWrittenCount();
        _jsonWriter.Reset();
        _jsonWriter.WriteStartArray();
        for (var i = 0; i < trace.Count; i++)
        {
            var sentence = trace.Line(i);
            if (_traceLines.TryGetId(sentence, out var id)) _jsonWriter.WriteNumberValue(id);
            else _jsonWriter.WriteStringValue(sentence);
        }
        _jsonWriter.WriteEndArray();
        _jsonWriter.Flush();
        Check(SqliteNative.BindText(_insert, index, _json.WrittenSpan));
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);

    public void Dispose()
    {
        _insert.Dispose();
        _jsonWriter.Dispose();
        _rollups?.Dispose();
        _traceLines.Dispose();
    }
}
