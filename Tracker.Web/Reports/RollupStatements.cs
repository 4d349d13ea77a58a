using Microsoft.Data.Sqlite;
using SQLitePCL;

using Tracker.Web.Data;

namespace Tracker.Web.Reports;

/// <summary>The prepared rollup statements on one connection, through SQLite's own API (no per-row objects).</summary>
public sealed class RollupStatements : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _upsert;
    private readonly sqlite3_stmt _state;
    private readonly sqlite3_stmt _clicksThrough;
    private byte[] _text = new byte[16];

    public RollupStatements(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        Check(raw.sqlite3_prepare_v2(_db, RollupSql.Upsert, out _upsert));
        Check(raw.sqlite3_prepare_v2(_db, RollupSql.ReadState, out _state));
        Check(raw.sqlite3_prepare_v2(_db, RollupSql.SetClicksThrough, out _clicksThrough));
    }

    /// <summary>Records that the rollups count every click up to <paramref name="clickId"/> (<see cref="ReportRollupState.ClicksThrough"/>).</summary>
    public void SetClicksThrough(long clickId)
    {
        try
        {
            Check(SqliteNative.BindInt64(_clicksThrough, 1, clickId));
            var rc = raw.sqlite3_step(_clicksThrough);
            if (rc != raw.SQLITE_DONE) Check(rc);
        }
        finally
        {
            raw.sqlite3_reset(_clicksThrough);
        }
    }

    public (string? Zone, long BuiltUntil) ReadState()
    {
        try
        {
            var rc = raw.sqlite3_step(_state);
            if (rc == raw.SQLITE_DONE) return (null, long.MinValue);
            if (rc != raw.SQLITE_ROW) Check(rc);
            var zone = raw.sqlite3_column_type(_state, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_state, 0).utf8_to_string();
            return (zone, raw.sqlite3_column_int64(_state, 1));
        }
        finally
        {
            raw.sqlite3_reset(_state);
        }
    }

    public void Upsert(RollupGrain grain, in RollupKey key, in RollupCounters c)
    {
        try
        {
            Check(SqliteNative.BindInt64(_upsert, 1, (int)grain));
            Check(SqliteNative.BindInt64(_upsert, 2, key.Bucket));
            Check(SqliteNative.BindInt64(_upsert, 3, key.CampaignId));
            Check(SqliteNative.BindInt64(_upsert, 4, key.StreamId));
            Check(SqliteNative.BindInt64(_upsert, 5, key.OfferId));
            Check(SqliteNative.BindInt64(_upsert, 6, key.AffiliateNetworkId));
            var country = key.Country;
            if (_text.Length < country.Length * 3) _text = new byte[country.Length * 3];
            var n = System.Text.Encoding.UTF8.GetBytes(country, _text);
            Check(SqliteNative.BindText(_upsert, 7, _text.AsSpan(0, n)));
            for (var i = 0; i < RollupCounters.Count; i++)
                Check(SqliteNative.BindInt64(_upsert, 8 + i, c[i]));
            var rc = raw.sqlite3_step(_upsert);
            if (rc != raw.SQLITE_DONE) Check(rc);
        }
        finally
        {
            raw.sqlite3_reset(_upsert);
        }
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);

    public void Dispose()
    {
        _upsert.Dispose();
        _state.Dispose();
        _clicksThrough.Dispose();
    }
}
