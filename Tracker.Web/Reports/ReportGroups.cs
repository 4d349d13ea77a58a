using System.Globalization;
using System.Runtime.InteropServices;
using Tracker.Core.Geo;
using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

/// <summary>Sums counters by the request's group keys, then sorts, limits and labels the rows.</summary>
internal sealed class ReportGroups(ReportPlan plan, ReportCatalog catalog)
{
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly string[] _parts = new string[plan.Request.GroupBy.Count];
    private ReportCounters _totals;

    private sealed class Group(string[] values)
    {
        public string[] Values { get; } = values;
        public ReportCounters Counters;
    }

    public void Add(ReportValues values, ReportCounters counters)
    {
        _totals += counters;
        var groupBy = plan.Request.GroupBy;
        for (var i = 0; i < groupBy.Count; i++)
        {
            var d = groupBy[i];
            _parts[i] = d switch
            {
                ReportDimension.Day or ReportDimension.Hour or ReportDimension.Week or ReportDimension.Month
                    => plan.Periods[d].IndexOf(values.Quarter).ToString(CultureInfo.InvariantCulture),
                ReportDimension.Campaign or ReportDimension.Stream or ReportDimension.Offer or ReportDimension.AffiliateNetwork
                    => Id(values.Id(ReportPlan.FixedColumn(d))),
                ReportDimension.OfferGroup => Id(catalog.GroupOf(values.Id("OfferId"))),
                ReportDimension.Country => values.Text("Country"),
                ReportDimension.Source or ReportDimension.Keyword or ReportDimension.SubId1 or ReportDimension.SubId2
                    or ReportDimension.SubId3 or ReportDimension.SubId4 or ReportDimension.SubId5
                    => values.Text(ClickReportColumns.ColumnOf(d)),
            };
        }
        var key = string.Join('\u001f', _parts);
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out var exists);
        if (!exists) group = new Group((string[])_parts.Clone());
        group!.Counters += counters;
    }

    public (IReadOnlyList<ReportRow> Rows, ReportCounters Totals, bool Truncated) Finish(ReportRequest request)
    {
        // A group whose counts all cancelled out (a conversion moved away, then back) is not a row.
        IEnumerable<Group> ordered = _groups.Values.Where(g => g.Counters != default).ToList();
        var count = ((List<Group>)ordered).Count;
        var byKeys = Comparer<Group>.Create(CompareKeys);
        if (request.SortByKeys)
        {
            ordered = request.SortDescending ? ordered.Order(byKeys).Reverse() : ordered.Order(byKeys);
        }
        else
        {
            // Undefined ratios (no clicks, no cost) last either way; ties in key order so pages are stable.
            var metric = request.SortBy;
            ordered = ordered.Order(Comparer<Group>.Create((a, b) =>
            {
                var va = ReportMetrics.Value(metric, a.Counters);
                var vb = ReportMetrics.Value(metric, b.Counters);
                int c;
                if (va is null || vb is null) c = (va is null).CompareTo(vb is null);
                else c = request.SortDescending ? vb.Value.CompareTo(va.Value) : va.Value.CompareTo(vb.Value);
                return c != 0 ? c : CompareKeys(a, b);
            }));
        }
        var rows = ordered.Take(request.Limit).Select(g => new ReportRow(Keys(g.Values), g.Counters)).ToList();
        return (rows, _totals, count > request.Limit);
    }

    private int CompareKeys(Group a, Group b)
    {
        var groupBy = plan.Request.GroupBy;
        for (var i = 0; i < groupBy.Count; i++)
        {
            var d = groupBy[i];
            var c = ReportNames.IsTime(d) || ReportNames.IsId(d)
                ? (ReportNames.IsTime(d)
                    ? int.Parse(a.Values[i], CultureInfo.InvariantCulture).CompareTo(int.Parse(b.Values[i], CultureInfo.InvariantCulture))
                    : string.Compare(Label(d, a.Values[i]), Label(d, b.Values[i]), StringComparison.OrdinalIgnoreCase))
                : string.Compare(a.Values[i], b.Values[i], StringComparison.Ordinal);
            if (c == 0 && ReportNames.IsId(d)) c = string.CompareOrdinal(a.Values[i], b.Values[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    private List<ReportKey> Keys(string[] values)
    {
        var groupBy = plan.Request.GroupBy;
        var keys = new List<ReportKey>(groupBy.Count);
        for (var i = 0; i < groupBy.Count; i++)
        {
            var d = groupBy[i];
            keys.Add(ReportNames.IsTime(d)
                ? plan.Periods[d].Key(int.Parse(values[i], CultureInfo.InvariantCulture))
                : new ReportKey(d, values[i], Label(d, values[i])));
        }
        return keys;
    }

    private string Label(ReportDimension d, string value)
    {
        if (ReportNames.IsId(d))
        {
            if (value.Length == 0) return d == ReportDimension.OfferGroup ? "(no group)" : $"(no {ReportNames.Title(d).ToLowerInvariant()})";
            var id = long.Parse(value, CultureInfo.InvariantCulture);
            var names = d == ReportDimension.Campaign ? catalog.Campaigns
                : d == ReportDimension.Stream ? catalog.Streams
                : d == ReportDimension.Offer ? catalog.Offers
                : d == ReportDimension.OfferGroup ? catalog.Groups
                : catalog.Networks;
            return names.TryGetValue(id, out var name) ? name : $"#{id}";
        }
        if (d == ReportDimension.Country) return value.Length == 0 ? "Unknown" : CountryCode.NameOf(value);
        return value.Length == 0 ? "(empty)" : value;
    }

    private static string Id(long id) => id == 0 ? "" : id.ToString(CultureInfo.InvariantCulture);
}
