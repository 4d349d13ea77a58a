using System.Buffers.Text;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Tracker.Web.Reports;

/// <summary>
/// A report query run through SQLite's own API in the report's read transaction: the SQL and the
/// parameters come from a <see cref="SqliteCommand"/> built as usual (so the filters stay one piece
/// of code), the rows are read column by column without a data reader, and text columns are read as
/// the UTF-8 bytes SQLite holds, so a row costs no string and no boxed value.
/// </summary>
internal sealed class ReportStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public ReportStatement(SqliteTransaction transaction, SqliteCommand command)
    {
        _db = transaction.Connection?.Handle ?? throw new InvalidOperationException("The report's connection must be open.");
        Check(raw.sqlite3_prepare_v2(_db, command.CommandText, out _stmt));
        foreach (SqliteParameter parameter in command.Parameters)
        {
            var index = raw.sqlite3_bind_parameter_index(_stmt, parameter.ParameterName);
            if (index == 0) throw new InvalidOperationException($"The report SQL has no parameter {parameter.ParameterName}.");
            Check(parameter.Value switch
            {
                null or DBNull => raw.sqlite3_bind_null(_stmt, index),
                string s => raw.sqlite3_bind_text(_stmt, index, s),
                long l => raw.sqlite3_bind_int64(_stmt, index, l),
                int i => raw.sqlite3_bind_int64(_stmt, index, i),
                var other => throw new InvalidOperationException($"Cannot bind a {other.GetType().Name} to a report query."),
            });
        }
    }

    /// <summary>Binds an integer to a numbered parameter (?1…) for the next run.</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index, value));

    /// <summary>Readies the statement to run again (keeps its bindings).</summary>
    public void Reset() => raw.sqlite3_reset(_stmt);

    /// <summary>Steps to the next row; false after the last.</summary>
    public bool Read(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) Check(rc);
        return false;
    }

    public bool IsNull(int i) => raw.sqlite3_column_type(_stmt, i) == raw.SQLITE_NULL;

    /// <summary>The column as an integer (NULL reads as 0, as <c>COALESCE(x, 0)</c> would).</summary>
    public long Long(int i) => raw.sqlite3_column_int64(_stmt, i);

    public int Int(int i) => raw.sqlite3_column_int(_stmt, i);

    /// <summary>A text column's UTF-8 bytes (empty for NULL); valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> Utf8(int i) => raw.sqlite3_column_blob(_stmt, i);

    /// <summary>A text column as a string ("" for NULL).</summary>
    public string Text(int i) => Encoding.UTF8.GetString(Utf8(i));

    /// <summary>True when a text column holds exactly <paramref name="utf8"/>.</summary>
    public bool TextIs(int i, ReadOnlySpan<byte> utf8) => Utf8(i).SequenceEqual(utf8);

    /// <summary>
    /// A time column as EF Core stores it ("yyyy-MM-dd HH:mm:ss" and up to seven fraction digits, UTC),
    /// parsed from its bytes; any other form falls back to <see cref="ReportEngine.ParseUtc"/>.
    /// </summary>
    public DateTime UtcTime(int i)
    {
        var s = Utf8(i);
        if (TryParseTime(s, out var time)) return time;
        return ReportEngine.ParseUtc(Encoding.UTF8.GetString(s));
    }

    internal static bool TryParseTime(ReadOnlySpan<byte> s, out DateTime time)
    {
        time = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s[..4], out var year) || !Digits(s[5..7], out var month) || !Digits(s[8..10], out var day)
            || !Digits(s[11..13], out var hour) || !Digits(s[14..16], out var minute) || !Digits(s[17..19], out var second)) return false;
        long ticks = 0;
        if (s.Length > 19)
        {
            var fraction = s[20..];
            if (s[19] != '.' || fraction.Length is 0 or > 7 || !Digits(fraction, out var f)) return false;
            ticks = f;
            for (var n = fraction.Length; n < 7; n++) ticks *= 10;
        }
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value) =>
        Utf8Parser.TryParse(s, out value, out var used) && used == s.Length && s[0] is >= (byte)'0' and <= (byte)'9';

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _stmt?.Dispose();
}
