using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tracker.Web.Data;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Web.Clicks;
using Tracker.Web.Reports;

namespace Tracker.Web.Postbacks;

/// <summary>One prepared statement, bound by position: text as UTF-8, times as EF Core writes them (UTC).</summary>
internal sealed class Statement : IDisposable
{
    private const string TimeFormat = SqliteTime.Format;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public Statement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _stmt));
    }

    /// <summary>Binds the values and steps once for a query's rows; dispose the reader to reset.</summary>
    public Reader Run(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return new Reader(this);
    }

    /// <summary>Runs an insert and returns the new row's id.</summary>
    public long Insert(params ReadOnlySpan<object?> values)
    {
        Execute(values);
        return raw.sqlite3_last_insert_rowid(_db);
    }

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public int Execute(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        try
        {
            var rc = raw.sqlite3_step(_stmt);
            if (rc != raw.SQLITE_DONE) Check(rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    private void Bind(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var index = i + 1;
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(_stmt, index),
                string s => raw.sqlite3_bind_text(_stmt, index, s),
                long l => raw.sqlite3_bind_int64(_stmt, index, l),
                int n => raw.sqlite3_bind_int64(_stmt, index, n),
                DateTime t => raw.sqlite3_bind_text(_stmt, index, t.ToString(TimeFormat, CultureInfo.InvariantCulture)),
                var other => throw new ArgumentException($"Cannot bind a {other.GetType().Name}.", nameof(values)),
            };
            Check(rc);
        }
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);

    public void Dispose() => _stmt.Dispose();

    /// <summary>The rows of one run; disposing it resets the statement for the next run.</summary>
    public readonly ref struct Reader(Statement statement)
    {
        private readonly sqlite3_stmt _stmt = statement._stmt;

        public bool Row()
        {
            var rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW) return true;
            if (rc != raw.SQLITE_DONE) statement.Check(rc);
            return false;
        }

        public bool IsNull(int i) => raw.sqlite3_column_type(_stmt, i) == raw.SQLITE_NULL;
        public long Long(int i) => raw.sqlite3_column_int64(_stmt, i);
        public int Int(int i) => raw.sqlite3_column_int(_stmt, i);
        public int? NullableInt(int i) => IsNull(i) ? null : Int(i);
        public string Text(int i) => raw.sqlite3_column_text(_stmt, i).utf8_to_string() ?? "";
        public string? NullableText(int i) => IsNull(i) ? null : Text(i);

        public DateTime Time(int i) => DateTime.ParseExact(Text(i), TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        public void Dispose() => raw.sqlite3_reset(_stmt);
    }
}
