using System.Globalization;
using System.Text;
using Tracker.Core.Offers;
using Tracker.Core.Reports;

namespace Tracker.Web.Components.Pages.Reports;

/// <summary>
/// Everything the Reports page shows, as one value: it round-trips through the page's address, so a
/// report can be bookmarked, shared, reloaded and saved as a preset. Relative ranges (Today, Last 7
/// days…) stay relative in the address: a bookmark of "Today" shows today tomorrow too.
/// </summary>
public sealed record ReportView
{
    public const int MaxGroupLevels = 3;

    public static readonly IReadOnlyList<ReportMetric> DefaultColumns =
    [
        ReportMetric.Clicks, ReportMetric.Conversions, ReportMetric.Revenue, ReportMetric.Cost,
        ReportMetric.Profit, ReportMetric.Roi, ReportMetric.Cr, ReportMetric.Epc,
    ];

    public DatePreset Range { get; init; } = DatePreset.Today;

    /// <summary>The custom range's first day (inclusive); only with <see cref="DatePreset.Custom"/>.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The custom range's last day (inclusive); only with <see cref="DatePreset.Custom"/>.</summary>
    public DateOnly? To { get; init; }

    /// <summary>IANA zone whose days the report counts; null: Settings' zone.</summary>
    public string? TimeZone { get; init; }

    public IReadOnlyList<ReportDimension> GroupBy { get; init; } = [ReportDimension.Campaign];

    public IReadOnlyList<ReportFilter> Filters { get; init; } = [];

    /// <summary>The metric columns shown, in this order.</summary>
    public IReadOnlyList<ReportMetric> Columns { get; init; } = DefaultColumns;

    public ReportMetric SortBy { get; init; } = ReportMetric.Clicks;

    public bool SortDescending { get; init; } = true;

    public ReportAttribution Attribution { get; init; } = ReportAttribution.Click;

    /// <summary>The inclusive days the view covers, "today" being <paramref name="today"/> in the report's zone.</summary>
    public (DateOnly From, DateOnly To) Days(DateOnly today) => Range switch
    {
        DatePreset.Today => (today, today),
        DatePreset.Yesterday => (today.AddDays(-1), today.AddDays(-1)),
        DatePreset.Last7Days => (today.AddDays(-6), today),
        DatePreset.ThisMonth => (new DateOnly(today.Year, today.Month, 1), today),
        DatePreset.LastMonth => (new DateOnly(today.Year, today.Month, 1).AddMonths(-1), new DateOnly(today.Year, today.Month, 1).AddDays(-1)),
        DatePreset.Custom => (From ?? today, To ?? today),
    };

    /// <summary>The report question for the table.</summary>
    public ReportRequest ToRequest(DateOnly today, int limit)
    {
        var (from, to) = Days(today);
        return new ReportRequest
        {
            From = from, To = to, TimeZone = TimeZone, GroupBy = GroupBy, Filters = Filters,
            Attribution = Attribution, SortBy = SortBy, SortDescending = SortDescending, Limit = limit,
        };
    }

    /// <summary>
    /// The chart's question: the same days and filters, by hour for ranges of up to two days (a day has
    /// too few points to draw) and by day otherwise.
    /// </summary>
    public ReportRequest ToChartRequest(DateOnly today)
    {
        var (from, to) = Days(today);
        var hourly = to.DayNumber - from.DayNumber < 2;
        return new ReportRequest
        {
            From = from, To = to, TimeZone = TimeZone, Filters = Filters, Attribution = Attribution,
            GroupBy = [hourly ? ReportDimension.Hour : ReportDimension.Day],
            SortBy = ReportMetric.Clicks, Limit = ReportChartData.MaxPoints,
        };
    }

    public ReportView WithGroupAdded(ReportDimension d) =>
        GroupBy.Count >= MaxGroupLevels || GroupBy.Contains(d) ? this : this with { GroupBy = [.. GroupBy, d] };

    public ReportView WithGroupRemoved(ReportDimension d) => this with { GroupBy = GroupBy.Where(x => x != d).ToList() };

    /// <summary>Moves a level one place earlier (toward the outermost grouping).</summary>
    public ReportView WithGroupMovedUp(ReportDimension d)
    {
        var list = GroupBy.ToList();
        var at = list.IndexOf(d);
        if (at <= 0) return this;
        (list[at - 1], list[at]) = (list[at], list[at - 1]);
        return this with { GroupBy = list };
    }

    public ReportView WithFilter(ReportFilter filter) =>
        this with { Filters = [.. Filters.Where(f => f.Dimension != filter.Dimension), filter] };

    public ReportView WithFilterRemoved(ReportDimension d) => this with { Filters = Filters.Where(f => f.Dimension != d).ToList() };

    /// <summary>Sorting by the column already sorted flips the direction; a new column sorts descending (biggest first).</summary>
    public ReportView WithSort(ReportMetric metric) =>
        SortBy == metric ? this with { SortDescending = !SortDescending } : this with { SortBy = metric, SortDescending = true };

    /// <summary>Whether a row's first key can be drilled into (hours are the finest grain).</summary>
    public static bool CanDrill(ReportKey key) => key.Dimension != ReportDimension.Hour;

    /// <summary>
    /// Drill-down from a row: the row's outermost key becomes a filter (for days, weeks and months: the
    /// date range) and the table goes one level deeper — the next group level, or when there is none a
    /// natural breakdown of the value (a campaign by offer, an offer by country, a day by hour…).
    /// </summary>
    public ReportView DrillInto(ReportKey key, DateOnly today)
    {
        var next = GroupBy.Where(d => d != key.Dimension).ToList();
        if (next.Count == 0) next.Add(Deeper(key.Dimension));
        var view = this with { GroupBy = next };
        return key.Dimension switch
        {
            ReportDimension.Day or ReportDimension.Week or ReportDimension.Month => view.NarrowedTo(key, today),
            ReportDimension.Hour => this,
            ReportDimension.Campaign or ReportDimension.Stream or ReportDimension.Offer or ReportDimension.OfferGroup
                or ReportDimension.AffiliateNetwork or ReportDimension.Country or ReportDimension.Source
                or ReportDimension.Keyword or ReportDimension.SubId1 or ReportDimension.SubId2 or ReportDimension.SubId3
                or ReportDimension.SubId4 or ReportDimension.SubId5 => view.WithFilter(new ReportFilter(key.Dimension, key.Value)),
        };
    }

    private ReportView NarrowedTo(ReportKey key, DateOnly today)
    {
        var (from, to) = Days(today);
        if (!TryPeriod(key, out var start, out var end)) return this;
        // Only the part of the period inside the current range: a week that began last month stays in this one.
        start = start < from ? from : start;
        end = end > to ? to : end;
        return this with { Range = DatePreset.Custom, From = start, To = end };
    }

    private static bool TryPeriod(ReportKey key, out DateOnly start, out DateOnly end)
    {
        start = end = default;
        var v = key.Value;
        switch (key.Dimension)
        {
            case ReportDimension.Day when DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start):
                end = start;
                return true;
            case ReportDimension.Month when DateOnly.TryParseExact(v + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start):
                end = start.AddMonths(1).AddDays(-1);
                return true;
            case ReportDimension.Week when v.Length == 8 && int.TryParse(v.AsSpan(0, 4), CultureInfo.InvariantCulture, out var year)
                                            && v[4] == '-' && v[5] == 'W' && int.TryParse(v.AsSpan(6, 2), CultureInfo.InvariantCulture, out var week)
                                            && week is >= 1 and <= 53:
                start = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
                end = start.AddDays(6);
                return true;
            default:
                return false;
        }
    }

    /// <summary>What to break one value down by when no deeper level was chosen.</summary>
    public static ReportDimension Deeper(ReportDimension d) => d switch
    {
        ReportDimension.Month => ReportDimension.Day,
        ReportDimension.Week => ReportDimension.Day,
        ReportDimension.Day => ReportDimension.Hour,
        ReportDimension.Hour => ReportDimension.Offer,
        ReportDimension.Campaign => ReportDimension.Offer,
        ReportDimension.Stream => ReportDimension.Offer,
        ReportDimension.OfferGroup => ReportDimension.Offer,
        ReportDimension.AffiliateNetwork => ReportDimension.Offer,
        ReportDimension.Offer => ReportDimension.Country,
        ReportDimension.Country => ReportDimension.Offer,
        ReportDimension.Source or ReportDimension.Keyword or ReportDimension.SubId1 or ReportDimension.SubId2
            or ReportDimension.SubId3 or ReportDimension.SubId4 or ReportDimension.SubId5 => ReportDimension.Offer,
    };

    // ---- The address -------------------------------------------------------------------------------

    private static readonly (DatePreset Preset, string Name, string Title)[] Presets =
    [
        (DatePreset.Today, "today", "Today"),
        (DatePreset.Yesterday, "yesterday", "Yesterday"),
        (DatePreset.Last7Days, "last7days", "Last 7 days"),
        (DatePreset.ThisMonth, "thismonth", "This month"),
        (DatePreset.LastMonth, "lastmonth", "Last month"),
        (DatePreset.Custom, "custom", "Custom range"),
    ];

    public static IEnumerable<DatePreset> AllPresets => Presets.Select(p => p.Preset);

    public static string Title(DatePreset p) => Presets.Single(x => x.Preset == p).Title;

    /// <summary>The query string (without '?') of this view; defaults are left out to keep links short.</summary>
    public string ToQuery()
    {
        var defaults = new ReportView();
        var parts = new List<(string Key, string Value)>();
        if (Range == DatePreset.Custom)
        {
            if (From is { } f) parts.Add(("from", f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            if (To is { } t) parts.Add(("to", t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        else if (Range != defaults.Range)
        {
            parts.Add(("range", Presets.Single(p => p.Preset == Range).Name));
        }
        if (!string.IsNullOrWhiteSpace(TimeZone)) parts.Add(("tz", TimeZone));
        if (!GroupBy.SequenceEqual(defaults.GroupBy)) parts.Add(("group", string.Join(',', GroupBy.Select(ReportNames.Name))));
        foreach (var f in Filters) parts.Add((ReportNames.FilterName(f.Dimension), f.Value));
        if (!Columns.SequenceEqual(DefaultColumns)) parts.Add(("cols", string.Join(',', Columns.Select(ReportNames.Name))));
        if (SortBy != defaults.SortBy || SortDescending != defaults.SortDescending)
            parts.Add(("sort", (SortDescending ? "-" : "") + ReportNames.Name(SortBy)));
        if (Attribution == ReportAttribution.Conversion) parts.Add(("attribution", "conversion"));
        var sb = new StringBuilder();
        foreach (var (key, value) in parts)
        {
            if (sb.Length > 0) sb.Append('&');
            // Commas stay readable ("group=day,offer"): they are allowed in a query and this parser splits only on & and =.
            sb.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal));
        }
        return sb.ToString();
    }

    private static readonly HashSet<string> OwnKeys = ["range", "from", "to", "tz", "group", "cols", "sort", "attribution"];

    /// <summary>
    /// Reads a view from a query string. What cannot be understood is left at its default and described
    /// in <paramref name="problems"/>, so a mistyped bookmark shows a clear message instead of failing.
    /// </summary>
    public static ReportView FromQuery(string? query, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var view = new ReportView();
        var pairs = ParsePairs(query);
        string? Get(string key) => pairs.LastOrDefault(p => p.Key == key).Value;

        if (Get("from") is not null || Get("to") is not null)
        {
            DateOnly? from = ParseDate(Get("from"), "from", found);
            DateOnly? to = ParseDate(Get("to"), "to", found);
            if (from is not null && to is not null)
                view = view with { Range = DatePreset.Custom, From = from, To = to };
            else if (from is not null || to is not null)
                view = view with { Range = DatePreset.Custom, From = from ?? to, To = to ?? from };
        }
        else if (Get("range") is { } range)
        {
            var preset = Presets.FirstOrDefault(p => p.Name == range.ToLowerInvariant());
            if (preset.Name is null || preset.Preset == DatePreset.Custom)
                found.Add($"Unknown date range '{range}'; showing today. Use one of: {string.Join(", ", Presets.Where(p => p.Preset != DatePreset.Custom).Select(p => p.Name))}, or from= and to= dates.");
            else view = view with { Range = preset.Preset };
        }

        if (Get("tz") is { } tz)
        {
            if (ZonedDay.TryFindZone(tz, out _)) view = view with { TimeZone = tz.Trim() };
            else found.Add($"Unknown time zone '{tz}'; using the Settings time zone. Use an IANA name such as Europe/Berlin.");
        }

        if (Get("group") is { } group)
        {
            var dims = new List<ReportDimension>();
            foreach (var name in group.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!ReportNames.TryDimension(name, out var d)) found.Add($"Unknown grouping '{name}' left out.");
                else if (dims.Contains(d)) continue;
                else if (dims.Count >= MaxGroupLevels) found.Add($"At most {MaxGroupLevels} group levels; '{name}' left out.");
                else dims.Add(d);
            }
            view = view with { GroupBy = dims };
        }

        if (Get("cols") is { } cols)
        {
            var metrics = new List<ReportMetric>();
            foreach (var name in cols.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!ReportNames.TryMetric(name, out var m)) found.Add($"Unknown column '{name}' left out.");
                else if (!metrics.Contains(m)) metrics.Add(m);
            }
            if (metrics.Count > 0) view = view with { Columns = metrics };
        }

        if (Get("sort") is { } sort)
        {
            var descending = sort.StartsWith('-');
            if (ReportNames.TryMetric(sort.TrimStart('-', '+'), out var m)) view = view with { SortBy = m, SortDescending = descending };
            else found.Add($"Unknown sort column '{sort.TrimStart('-', '+')}'; sorting by clicks.");
        }

        if (Get("attribution") is { } attribution)
        {
            if (attribution == "conversion") view = view with { Attribution = ReportAttribution.Conversion };
            else if (attribution != "click") found.Add($"Unknown attribution '{attribution}'; counting conversions at their click's time.");
        }

        var filters = new List<ReportFilter>();
        foreach (var (key, value) in pairs)
        {
            if (OwnKeys.Contains(key)) continue;
            if (!ReportNames.TryFilter(key, out var d) || ReportNames.IsTime(d))
            {
                found.Add($"Unknown filter '{key}' left out.");
                continue;
            }
            if (ReportNames.IsId(d) && value.Length > 0 && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                found.Add($"Filter {key} must be a number (an id), not '{value}'; left out.");
                continue;
            }
            filters.RemoveAll(f => f.Dimension == d);
            filters.Add(new ReportFilter(d, value));
        }
        view = view with { Filters = filters };

        problems = found;
        return view;
    }

    private static DateOnly? ParseDate(string? text, string field, List<string> problems)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add($"'{text}' is not a date in '{field}'; write it as YYYY-MM-DD.");
        return null;
    }

    private static List<(string Key, string Value)> ParsePairs(string? query)
    {
        var list = new List<(string, string)>();
        if (string.IsNullOrEmpty(query)) return list;
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = Unescape(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? "" : Unescape(part[(eq + 1)..]);
            list.Add((key, value));
        }
        return list;
    }

    private static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
