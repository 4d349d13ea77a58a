using System.Runtime.InteropServices;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

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

    public bool IsEmpty => _quarters.Count == 0;

    /// <summary>Adds everything <paramref name="other"/> gathered to this batch; <paramref name="other"/> is left as it was.</summary>
    public void MergeFrom(RollupBatch other)
    {
        foreach (var (key, counters) in other._quarters) Add(key, counters);
    }

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
    public void Write(RollupStatements statements) => Write(statements, clear: true);

    /// <summary>Writes everything gathered (inside the caller's open transaction); keeps it when <paramref name="clear"/> is false (until the transaction is known to have committed).</summary>
    public void Write(RollupStatements statements, bool clear)
    {
        if (_quarters.Count == 0) return;
        _days.Clear(); // left over when a write failed half-way
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
        _days.Clear();
        if (clear) _quarters.Clear();
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
