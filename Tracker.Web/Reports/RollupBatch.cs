using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

/// <summary>The fixed dimensions of a rollup row (ids 0 for none).</summary>
public readonly record struct RollupKey(long Bucket, int CampaignId, int StreamId, int OfferId, int AffiliateNetworkId, string Country)
{
    public static RollupKey Of(long bucket, int campaignId, int? streamId, int? offerId, int? networkId, string country) =>
        new(bucket, campaignId, streamId ?? 0, offerId ?? 0, networkId ?? 0, country);

    public RollupKey At(long bucket) => this with { Bucket = bucket };
}

/// <summary>The counters of a rollup row, in the order of <see cref="RollupSql.CounterColumns"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RollupCounters
{
    public long Clicks, UniqueClicks, CostMicros, ClickRevenueMicros;
    public long Leads, Sales, Rejected, Rebills, RevenueMicros, RevenueHoldMicros;
    public long LeadsAtConversion, SalesAtConversion, RejectedAtConversion, RebillsAtConversion, RevenueMicrosAtConversion, RevenueHoldMicrosAtConversion;
    public long BotClicks;

    public const int Count = 17;

    public readonly long this[int i] => i switch
    {
        0 => Clicks, 1 => UniqueClicks, 2 => CostMicros, 3 => ClickRevenueMicros,
        4 => Leads, 5 => Sales, 6 => Rejected, 7 => Rebills, 8 => RevenueMicros, 9 => RevenueHoldMicros,
        10 => LeadsAtConversion, 11 => SalesAtConversion, 12 => RejectedAtConversion, 13 => RebillsAtConversion,
        14 => RevenueMicrosAtConversion, 15 => RevenueHoldMicrosAtConversion, 16 => BotClicks,
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    public readonly bool IsZero
    {
        get
        {
            for (var i = 0; i < Count; i++) if (this[i] != 0) return false;
            return true;
        }
    }

    public void Add(in RollupCounters o)
    {
        Clicks += o.Clicks; UniqueClicks += o.UniqueClicks; CostMicros += o.CostMicros; ClickRevenueMicros += o.ClickRevenueMicros;
        Leads += o.Leads; Sales += o.Sales; Rejected += o.Rejected; Rebills += o.Rebills; RevenueMicros += o.RevenueMicros; RevenueHoldMicros += o.RevenueHoldMicros;
        LeadsAtConversion += o.LeadsAtConversion; SalesAtConversion += o.SalesAtConversion; RejectedAtConversion += o.RejectedAtConversion;
        RebillsAtConversion += o.RebillsAtConversion; RevenueMicrosAtConversion += o.RevenueMicrosAtConversion; RevenueHoldMicrosAtConversion += o.RevenueHoldMicrosAtConversion;
        BotClicks += o.BotClicks;
    }

    /// <summary>One click.</summary>
    public static RollupCounters ForClick(Click click) => new()
    {
        Clicks = 1,
        UniqueClicks = click.IsUnique ? 1 : 0,
        CostMicros = click.CostBaseMicros,
        ClickRevenueMicros = click.RevenueMicros,
        BotClicks = click.IsBot ? 1 : 0,
    };

    /// <summary>A conversion's part counted at its click's time (sign -1 takes it back).</summary>
    public static RollupCounters ByClick(ReportCounters c, int sign) => new()
    {
        Leads = sign * c.Leads, Sales = sign * c.Sales, Rejected = sign * c.Rejected, Rebills = sign * c.Rebills,
        RevenueMicros = sign * c.RevenueMicros, RevenueHoldMicros = sign * c.RevenueHoldMicros,
    };

    /// <summary>A conversion's part counted at its own time (sign -1 takes it back).</summary>
    public static RollupCounters ByConversion(ReportCounters c, int sign) => new()
    {
        LeadsAtConversion = sign * c.Leads, SalesAtConversion = sign * c.Sales, RejectedAtConversion = sign * c.Rejected,
        RebillsAtConversion = sign * c.Rebills, RevenueMicrosAtConversion = sign * c.RevenueMicros,
        RevenueHoldMicrosAtConversion = sign * c.RevenueHoldMicros,
    };
}

/// <summary>The portable SQL of the rollups (ANSI upsert: SQLite 3.24+ and PostgreSQL 9.5+).</summary>
public static class RollupSql
{
    public const string Table = "report_rollups";

    public static readonly string[] KeyColumns = ["Grain", "Bucket", "CampaignId", "StreamId", "OfferId", "AffiliateNetworkId", "Country"];

    public static readonly string[] CounterColumns =
    [
        "Clicks", "UniqueClicks", "CostMicros", "ClickRevenueMicros",
        "Leads", "Sales", "Rejected", "Rebills", "RevenueMicros", "RevenueHoldMicros",
        "LeadsAtConversion", "SalesAtConversion", "RejectedAtConversion", "RebillsAtConversion", "RevenueMicrosAtConversion", "RevenueHoldMicrosAtConversion",
        "BotClicks",
    ];

    /// <summary>Adds the counters to the row with the key, creating it when missing. Parameters ?1…?24: key, then counters.</summary>
    public static readonly string Upsert =
        $"INSERT INTO {Table} ({string.Join(", ", KeyColumns.Concat(CounterColumns))}) " +
        $"VALUES ({string.Join(", ", Enumerable.Range(1, KeyColumns.Length + CounterColumns.Length).Select(i => $"?{i}"))}) " +
        $"ON CONFLICT ({string.Join(", ", KeyColumns)}) DO UPDATE SET " +
        string.Join(", ", CounterColumns.Select(c => $"{c} = {Table}.{c} + excluded.{c}"));

    public const string ReadState = "SELECT DayZone, DayBuiltUntil FROM report_rollup_state WHERE Id = 1";
}

/// <summary>
/// Rollup changes gathered in memory by key, then written with one prepared upsert per distinct key
/// on the caller's connection, inside the caller's transaction: the quarter rows, and the day rows for
/// the days the day rollups are built for (see <see cref="ReportRollupState"/>). Used by one thread.
/// </summary>
public sealed class RollupBatch
{
    private readonly Dictionary<RollupKey, RollupCounters> _quarters = [];
    private readonly Dictionary<(RollupGrain, RollupKey), RollupCounters> _days = [];
    private string? _zoneId;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private long _dayStart = long.MaxValue, _dayEnd = long.MinValue;

    public int Count => _quarters.Count;

    public void Add(in RollupKey key, in RollupCounters counters)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_quarters, key, out _);
        slot.Add(counters);
    }

    public void AddClick(Click click) =>
        Add(RollupKey.Of(ReportTime.Quarter(click.CreatedAt), click.CampaignId, click.StreamId, click.OfferId, click.AffiliateNetworkId, click.Country),
            RollupCounters.ForClick(click));

    /// <summary>Takes back a conversion's old parts and adds its new ones (both at the click's time and at their own).</summary>
    public void AddConversionChange(RollupKey clickKey, DateTime clickedAtUtc, IEnumerable<ConversionPart> before, IEnumerable<ConversionPart> after)
    {
        var clickBucket = ReportTime.Quarter(clickedAtUtc);
        foreach (var (parts, sign) in new[] { (before, -1), (after, 1) })
            foreach (var part in parts)
            {
                Add(clickKey.At(clickBucket), RollupCounters.ByClick(part.Counters, sign));
                Add(clickKey.At(ReportTime.Quarter(part.AtUtc)), RollupCounters.ByConversion(part.Counters, sign));
            }
    }

    public void Clear()
    {
        _quarters.Clear();
        _days.Clear();
    }

    /// <summary>Writes everything gathered (inside the caller's open transaction) and clears.</summary>
    public void Write(RollupStatements statements)
    {
        if (_quarters.Count == 0) return;
        var (zoneId, builtUntil) = statements.ReadState();
        var dayZone = zoneId is not null && builtUntil > long.MinValue ? Zone(zoneId) : null;
        foreach (var (key, counters) in _quarters)
        {
            if (counters.IsZero) continue;
            statements.Upsert(RollupGrain.Quarter, key, counters);
            if (dayZone is null) continue;
            var day = DayOf(key.Bucket, dayZone);
            if (day >= builtUntil) continue;
            foreach (var (grain, _) in RollupGrains.Days)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_days, (grain, RollupGrains.Project(grain, key.At(day))), out _);
                slot.Add(counters);
            }
        }
        foreach (var ((grain, key), counters) in _days)
            if (!counters.IsZero) statements.Upsert(grain, key, counters);
        Clear();
    }

    private TimeZoneInfo Zone(string id)
    {
        if (id != _zoneId)
        {
            _zone = ZonedDay.TryFindZone(id, out var z) ? z : TimeZoneInfo.Utc;
            _zoneId = id;
            _dayStart = long.MaxValue;
            _dayEnd = long.MinValue;
        }
        return _zone;
    }

    private long DayOf(long quarter, TimeZoneInfo zone)
    {
        if (quarter >= _dayStart && quarter < _dayEnd) return _dayStart;
        var day = ZonedDay.Containing(ReportTime.StartOf(quarter), zone);
        (_dayStart, _dayEnd) = (ReportTime.Quarter(day.StartUtc), ReportTime.Quarter(day.EndUtc));
        return _dayStart;
    }
}

/// <summary>The prepared rollup statements on one connection, through SQLite's own API (no per-row objects).</summary>
public sealed class RollupStatements : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _upsert;
    private readonly sqlite3_stmt _state;
    private byte[] _text = new byte[16];

    public RollupStatements(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        Check(raw.sqlite3_prepare_v2(_db, RollupSql.Upsert, out _upsert));
        Check(raw.sqlite3_prepare_v2(_db, RollupSql.ReadState, out _state));
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
            Check(raw.sqlite3_bind_int64(_upsert, 1, (int)grain));
            Check(raw.sqlite3_bind_int64(_upsert, 2, key.Bucket));
            Check(raw.sqlite3_bind_int64(_upsert, 3, key.CampaignId));
            Check(raw.sqlite3_bind_int64(_upsert, 4, key.StreamId));
            Check(raw.sqlite3_bind_int64(_upsert, 5, key.OfferId));
            Check(raw.sqlite3_bind_int64(_upsert, 6, key.AffiliateNetworkId));
            var country = key.Country;
            if (_text.Length < country.Length * 3) _text = new byte[country.Length * 3];
            var n = System.Text.Encoding.UTF8.GetBytes(country, _text);
            Check(raw.sqlite3_bind_text(_upsert, 7, _text.AsSpan(0, n)));
            for (var i = 0; i < RollupCounters.Count; i++)
                Check(raw.sqlite3_bind_int64(_upsert, 8 + i, c[i]));
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
    }
}
