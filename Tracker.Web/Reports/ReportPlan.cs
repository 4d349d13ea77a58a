using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Tracker.Core.Geo;
using Tracker.Core.Offers;
using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

/// <summary>A validated request turned into what to read: the quarter range, the time periods, the columns and filters.</summary>
internal sealed class ReportPlan
{
    public ReportPlan(ReportRequest request, TimeZoneInfo zone)
    {
        Request = request;
        Zone = zone;
        (Start, End) = ReportTime.Range(request.From, request.To, zone);
        foreach (var d in request.GroupBy.Where(ReportNames.IsTime))
            Periods[d] = ReportPeriods.Build(d, zone, request.From, request.To);
        Slots = Periods.Values.SelectMany(p => Enumerable.Range(0, p.Count).Select(p.StartOf)).Distinct().Order().ToArray();
        FixedColumns = request.GroupBy.Where(d => !ReportNames.IsTime(d) && !ReportNames.IsTrafficParameter(d)).Select(FixedColumn).Distinct().ToList();
        ClickColumns = [.. FixedColumns, .. request.GroupBy.Where(ReportNames.IsTrafficParameter).Select(ClickReportColumns.ColumnOf)];
        ReadsClicks = request.GroupBy.Concat(request.Filters.Select(f => f.Dimension)).Any(ReportNames.IsTrafficParameter);
    }

    public ReportRequest Request { get; }
    public TimeZoneInfo Zone { get; }
    public long Start { get; }
    public long End { get; }
    public Dictionary<ReportDimension, ReportPeriods> Periods { get; } = [];
    public bool HasTime => Periods.Count > 0;

    /// <summary>The finest partition of the range by every time level: the raw path groups clicks by these.</summary>
    public long[] Slots { get; }

    /// <summary>Rollup columns the groups need (offer and offer group both read OfferId).</summary>
    public List<string> FixedColumns { get; }

    /// <summary>Click columns the groups need: the fixed ones and the traffic-source ones.</summary>
    public List<string> ClickColumns { get; }

    /// <summary>True when a traffic-source parameter is grouped or filtered: the rollups do not have them.</summary>
    public bool ReadsClicks { get; }

    public static string FixedColumn(ReportDimension d) => d switch
    {
        ReportDimension.Campaign => "CampaignId",
        ReportDimension.Stream => "StreamId",
        ReportDimension.Offer or ReportDimension.OfferGroup => "OfferId",
        ReportDimension.AffiliateNetwork => "AffiliateNetworkId",
        ReportDimension.Country => "Country",
        ReportDimension.Day or ReportDimension.Hour or ReportDimension.Week or ReportDimension.Month
            or ReportDimension.Source or ReportDimension.Keyword or ReportDimension.SubId1 or ReportDimension.SubId2
            or ReportDimension.SubId3 or ReportDimension.SubId4 or ReportDimension.SubId5
            => throw new ArgumentException($"{d} is not stored in the rollups.", nameof(d)),
    };

    /// <summary>A click column as the reports read it: ids that may be NULL on a click read as 0, like the rollups.</summary>
    public static string ClickColumn(string column, string alias = "") =>
        column is "StreamId" or "OfferId" or "AffiliateNetworkId" ? $"COALESCE({alias}{column}, 0)" : alias + column;

    /// <summary>How clicks store times (UTC text that sorts like the instant): a quarter's start.</summary>
    public static string Timestamp(long quarter) =>
        ReportTime.StartOf(quarter).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public long SlotStart(int index) => Slots[index];

    /// <summary>
    /// The index of the slot a time column falls in, as nested CASEs that halve the slots at each level
    /// (about log2(slots) comparisons per row; portable SQL, no date functions).
    /// </summary>
    public string SlotExpression(string column) => SlotExpression(column, q => $"'{Timestamp(q)}'");

    /// <summary>The same over a column of quarters (the 15-minute rollups' Bucket).</summary>
    public string QuarterSlotExpression(string column) => SlotExpression(column, q => q.ToString(CultureInfo.InvariantCulture));

    private string SlotExpression(string column, Func<long, string> literal)
    {
        var sb = new StringBuilder();
        Build(0, Slots.Length - 1);
        return sb.ToString();

        void Build(int lo, int hi)
        {
            if (lo == hi)
            {
                sb.Append(lo.ToString(CultureInfo.InvariantCulture));
                return;
            }
            var mid = (lo + hi + 1) / 2;
            sb.Append("CASE WHEN ").Append(column).Append(" < ").Append(literal(Slots[mid])).Append(" THEN ");
            Build(lo, mid - 1);
            sb.Append(" ELSE ");
            Build(mid, hi);
            sb.Append(" END");
        }
    }

    /// <summary>
    /// Splits the range into runs read from day rows (whole days of <paramref name="dayZone"/> inside the
    /// range and inside one slot) and runs read from 15-minute rows (the rest), each [start, end) in quarters.
    /// </summary>
    public List<(bool Days, long Start, long End)> Segments(TimeZoneInfo dayZone)
    {
        var segments = new List<(bool Days, long Start, long End)>();
        void Add(bool days, long start, long end)
        {
            if (start >= end) return;
            if (segments.Count > 0 && segments[^1].Days == days && segments[^1].End == start) segments[^1] = (days, segments[^1].Start, end);
            else segments.Add((days, start, end));
        }
        var date = ZonedDay.Containing(ReportTime.StartOf(Start), dayZone).Date;
        while (true)
        {
            var dayStart = ReportTime.DayStart(date, dayZone);
            if (dayStart >= End) break;
            var dayEnd = ReportTime.DayStart(date.AddDays(1), dayZone);
            var whole = dayStart >= Start && dayEnd <= End && (!HasTime || SlotOf(dayStart) == SlotOf(dayEnd - 1));
            Add(whole, Math.Max(dayStart, Start), Math.Min(dayEnd, End));
            date = date.AddDays(1);
        }
        return segments;
    }

    private int SlotOf(long quarter)
    {
        var i = Array.BinarySearch(Slots, quarter);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>Appends the request's filters as AND conditions with parameters.</summary>
    public void AppendFilters(StringBuilder sql, SqliteCommand command, ReportCatalog catalog, bool rollups, string alias = "")
    {
        var n = 0;
        foreach (var filter in Request.Filters)
        {
            var name = $"$f{n++}";
            switch (filter.Dimension)
            {
                case ReportDimension.OfferGroup:
                    ReportRequestValidator.TryId(filter.Value, out var groupId);
                    var offers = catalog.OffersIn(groupId);
                    sql.Append(offers.Count == 0 ? " AND 1 = 0" : $" AND {alias}OfferId IN ({string.Join(", ", offers)})");
                    break;
                case ReportDimension.Campaign:
                case ReportDimension.Stream:
                case ReportDimension.Offer:
                case ReportDimension.AffiliateNetwork:
                    ReportRequestValidator.TryId(filter.Value, out var id);
                    sql.Append($" AND {alias}{FixedColumn(filter.Dimension)} = {name}");
                    command.Parameters.AddWithValue(name, id);
                    break;
                case ReportDimension.Country:
                    sql.Append($" AND {alias}Country = {name}");
                    command.Parameters.AddWithValue(name, CountryCode.Normalize(filter.Value));
                    break;
                case ReportDimension.Source:
                case ReportDimension.Keyword:
                case ReportDimension.SubId1:
                case ReportDimension.SubId2:
                case ReportDimension.SubId3:
                case ReportDimension.SubId4:
                case ReportDimension.SubId5:
                    if (rollups) throw new InvalidOperationException("Traffic-source filters read the clicks.");
                    sql.Append($" AND {alias}{ClickReportColumns.ColumnOf(filter.Dimension)} = {name}");
                    command.Parameters.AddWithValue(name, filter.Value);
                    break;
                case ReportDimension.Day:
                case ReportDimension.Hour:
                case ReportDimension.Week:
                case ReportDimension.Month:
                    throw new InvalidOperationException("Time is filtered by from and to.");
            }
        }
    }
}
