using System.Globalization;
using Tracker.Core.Geo;
using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

/// <summary>
/// Sums counters by the request's group keys, then sorts, limits and labels the rows. A group's key is
/// one number per level (a period index, an id, an interned text), summed in a <see cref="ReportWorkspace"/>
/// kept between reports: adding a row allocates nothing. Only the rows returned get strings.
/// </summary>
internal sealed class ReportGroups
{
    private readonly ReportPlan _plan;
    private readonly ReportCatalog _catalog;
    private readonly ReportWorkspace _ws;
    private readonly ReportDimension[] _levels;
    private readonly int[] _columns; // the ReportValues column each level reads (-1 for time)
    private readonly Dictionary<(ReportDimension, long), string> _labels = [];
    private ReportCounters _totals;

    public ReportGroups(ReportPlan plan, ReportCatalog catalog, ReportWorkspace workspace)
    {
        if (plan.Request.GroupBy.Count > 3) throw new ArgumentException("At most three grouping levels.", nameof(plan));
        _plan = plan;
        _catalog = catalog;
        _ws = workspace;
        _levels = [.. plan.Request.GroupBy];
        _columns = new int[_levels.Length];
        for (var i = 0; i < _levels.Length; i++)
        {
            var d = _levels[i];
            _columns[i] = ReportNames.IsTime(d) ? -1
                : plan.ClickColumns.IndexOf(ReportNames.IsTrafficParameter(d) ? ClickReportColumns.ColumnOf(d) : ReportPlan.FixedColumn(d));
        }
    }

    /// <summary>The workspace's interned texts: readers intern text columns here.</summary>
    public TextKeys Texts => _ws.Texts;

    public void Add(ReportValues values, in ReportCounters counters)
    {
        _totals += counters;
        long a = 0, b = 0, c = 0;
        for (var i = 0; i < _levels.Length; i++)
        {
            var code = Code(i, values);
            if (i == 0) a = code;
            else if (i == 1) b = code;
            else c = code;
        }
        var group = _ws.GroupOf(new GroupKey(a, b, c));
        _ws.Counters[group] += counters;
    }

    private long Code(int level, ReportValues values)
    {
        var d = _levels[level];
        return d switch
        {
            ReportDimension.Day or ReportDimension.Hour or ReportDimension.Week or ReportDimension.Month
                => _plan.Periods[d].IndexOf(values.Quarter),
            ReportDimension.OfferGroup => _catalog.GroupOf(values.Codes[_columns[level]]),
            ReportDimension.Campaign or ReportDimension.Stream or ReportDimension.Offer or ReportDimension.AffiliateNetwork
                or ReportDimension.Country or ReportDimension.Source or ReportDimension.Keyword or ReportDimension.SubId1
                or ReportDimension.SubId2 or ReportDimension.SubId3 or ReportDimension.SubId4 or ReportDimension.SubId5
                => values.Codes[_columns[level]],
        };
    }

    public (IReadOnlyList<ReportRow> Rows, ReportCounters Totals, bool Truncated) Finish(ReportRequest request)
    {
        // A group whose counts all cancelled out (a conversion moved away, then back) is not a row.
        var order = _ws.Order(_ws.Count);
        var count = 0;
        for (var g = 0; g < _ws.Count; g++)
            if (_ws.Counters[g] != default) order[count++] = g;

        var comparer = new RowOrder(this, request);
        Span<int> chosen;
        if (count <= request.Limit)
        {
            chosen = order[..count];
        }
        else
        {
            // The first Limit rows only: a heap whose root is the last of the rows kept so far.
            var heap = ReportWorkspace.Ensure(ref _ws.Heap, request.Limit);
            var size = 0;
            for (var i = 0; i < count; i++)
            {
                var g = order[i];
                if (size < request.Limit)
                {
                    heap[size] = g;
                    SiftUp(heap, size++, comparer);
                }
                else if (comparer.Compare(g, heap[0]) < 0)
                {
                    heap[0] = g;
                    SiftDown(heap, size, comparer);
                }
            }
            chosen = heap.AsSpan(0, size);
        }
        chosen.Sort(comparer);

        var rows = new List<ReportRow>(chosen.Length);
        foreach (var g in chosen) rows.Add(new ReportRow(Keys(_ws.Keys[g]), _ws.Counters[g]));
        return (rows, _totals, count > request.Limit);
    }

    // Max-heap by row order: the root is the row that would come last.
    private static void SiftUp(int[] heap, int i, RowOrder order)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (order.Compare(heap[i], heap[parent]) <= 0) return;
            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private static void SiftDown(int[] heap, int size, RowOrder order)
    {
        var i = 0;
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= size) return;
            var child = left + 1 < size && order.Compare(heap[left + 1], heap[left]) > 0 ? left + 1 : left;
            if (order.Compare(heap[child], heap[i]) <= 0) return;
            (heap[i], heap[child]) = (heap[child], heap[i]);
            i = child;
        }
    }

    /// <summary>The order of the rows: by keys, or by the metric with undefined ratios last and ties in key order.</summary>
    private readonly struct RowOrder(ReportGroups groups, ReportRequest request) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            if (a == b) return 0;
            if (request.SortByKeys)
            {
                var k = groups.CompareKeys(a, b);
                return request.SortDescending ? -k : k;
            }
            var va = ReportMetrics.Value(request.SortBy, groups._ws.Counters[a]);
            var vb = ReportMetrics.Value(request.SortBy, groups._ws.Counters[b]);
            int c;
            if (va is null || vb is null) c = (va is null).CompareTo(vb is null);
            else c = request.SortDescending ? vb.Value.CompareTo(va.Value) : va.Value.CompareTo(vb.Value);
            return c != 0 ? c : groups.CompareKeys(a, b);
        }
    }

    /// <summary>
    /// Key order, level by level, exactly as the keys compare as text: periods in time order; ids by
    /// their label (case-insensitive), then by the id as text; country and traffic-source values ordinally.
    /// </summary>
    private int CompareKeys(int a, int b)
    {
        var ka = _ws.Keys[a];
        var kb = _ws.Keys[b];
        for (var i = 0; i < _levels.Length; i++)
        {
            var d = _levels[i];
            var x = ka[i];
            var y = kb[i];
            if (x == y) continue;
            int c;
            if (ReportNames.IsTime(d))
            {
                c = x.CompareTo(y);
            }
            else if (ReportNames.IsId(d))
            {
                c = string.Compare(Label(d, x), Label(d, y), StringComparison.OrdinalIgnoreCase);
                if (c == 0) c = CompareIdTexts(x, y);
            }
            else
            {
                c = _ws.Texts.Chars((int)x, ref _ws.Left).SequenceCompareTo(_ws.Texts.Chars((int)y, ref _ws.Right));
            }
            if (c != 0) return c;
        }
        return 0;
    }

    private static int CompareIdTexts(long x, long y)
    {
        Span<char> a = stackalloc char[20];
        Span<char> b = stackalloc char[20];
        var na = x == 0 ? 0 : x.TryFormat(a, out var wa, default, CultureInfo.InvariantCulture) ? wa : 0;
        var nb = y == 0 ? 0 : y.TryFormat(b, out var wb, default, CultureInfo.InvariantCulture) ? wb : 0;
        return a[..na].SequenceCompareTo(b[..nb]);
    }

    private List<ReportKey> Keys(GroupKey key)
    {
        var keys = new List<ReportKey>(_levels.Length);
        for (var i = 0; i < _levels.Length; i++)
        {
            var d = _levels[i];
            var code = key[i];
            if (ReportNames.IsTime(d)) keys.Add(_plan.Periods[d].Key((int)code));
            else if (ReportNames.IsId(d)) keys.Add(new ReportKey(d, Id(code), Label(d, code)));
            else
            {
                var value = _ws.Texts.Text((int)code);
                keys.Add(new ReportKey(d, value, TextLabel(d, value)));
            }
        }
        return keys;
    }

    /// <summary>An id's name (once per id and report): the catalog's, "(no …)" for none, "#id" for one since deleted.</summary>
    private string Label(ReportDimension d, long id)
    {
        if (_labels.TryGetValue((d, id), out var label)) return label;
        if (id == 0) label = d == ReportDimension.OfferGroup ? "(no group)" : $"(no {ReportNames.Title(d).ToLowerInvariant()})";
        else label = _catalog.NameOf(d, id) ?? $"#{id}";
        _labels[(d, id)] = label;
        return label;
    }

    private static string TextLabel(ReportDimension d, string value)
    {
        if (d == ReportDimension.Country) return value.Length == 0 ? "Unknown" : CountryCode.NameOf(value);
        return value.Length == 0 ? "(empty)" : value;
    }

    private static string Id(long id) => id == 0 ? "" : id.ToString(CultureInfo.InvariantCulture);
}
