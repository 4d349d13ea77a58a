namespace Tracker.Core.Reports;

// The report contract shared by the report engine (Tracker.Web/Reports), the admin API
// (POST /api/v1/reports), the Reports page and the dashboard. Money is integer micro-units of the
// base currency until it is shown. docs/reports.md defines every metric.

/// <summary>What a report can group and filter by. API names in <see cref="ReportNames"/>.</summary>
public enum ReportDimension
{
    Day, Hour, Week, Month,
    Campaign, Stream, Offer, OfferGroup, AffiliateNetwork, Country,
    Source, Keyword, SubId1, SubId2, SubId3, SubId4, SubId5,
}

/// <summary>Every number a report row carries. API names in <see cref="ReportNames"/>.</summary>
public enum ReportMetric
{
    Clicks, UniqueClicks, Conversions, Leads, Sales, Rejected, Rebills,
    Revenue, RevenueHold, Cost, Profit, Roi, Cr, Epc, Cpc,
    Bots,
}

/// <summary>When a conversion counts: at its click's time (default, as Keitaro and Voluum) or at the conversion's own time.</summary>
public enum ReportAttribution { Click, Conversion }

/// <summary>One filter: a dimension and the value it must equal (an id as text for id dimensions; a string otherwise; empty = unknown/none).</summary>
public sealed record ReportFilter(ReportDimension Dimension, string Value);

/// <summary>A report question. Dates are inclusive calendar days in <see cref="TimeZone"/> (null: Settings' zone).</summary>
public sealed record ReportRequest
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public string? TimeZone { get; init; }
    public IReadOnlyList<ReportDimension> GroupBy { get; init; } = [];
    public IReadOnlyList<ReportFilter> Filters { get; init; } = [];
    public ReportAttribution Attribution { get; init; } = ReportAttribution.Click;
    public ReportMetric SortBy { get; init; } = ReportMetric.Clicks;
    public bool SortDescending { get; init; } = true;
    /// <summary>Sort rows by their group keys (time in order, names alphabetically) instead of <see cref="SortBy"/>; the API does this when no sort is given and the first level is time.</summary>
    public bool SortByKeys { get; init; }
    public int Limit { get; init; } = 500;
}

/// <summary>
/// The summed counters of a row or of the totals (<see cref="BotClicks"/>: how many of the clicks are bots). Derived metrics (conversions, profit, roi, cr, epc,
/// cpc) are computed from these, one definition each, in <see cref="ReportMetrics"/>.
/// </summary>
public readonly record struct ReportCounters(
    long Clicks,
    long UniqueClicks,
    long Leads,
    long Sales,
    long Rejected,
    long Rebills,
    long RevenueMicros,
    long RevenueHoldMicros,
    long CostMicros,
    long BotClicks = 0)
{
    public static ReportCounters operator +(ReportCounters a, ReportCounters b) => new(
        a.Clicks + b.Clicks, a.UniqueClicks + b.UniqueClicks, a.Leads + b.Leads, a.Sales + b.Sales,
        a.Rejected + b.Rejected, a.Rebills + b.Rebills, a.RevenueMicros + b.RevenueMicros,
        a.RevenueHoldMicros + b.RevenueHoldMicros, a.CostMicros + b.CostMicros, a.BotClicks + b.BotClicks);
}

/// <summary>One group key of a row: for id dimensions <see cref="Value"/> is the id ("" for none) and <see cref="Label"/> its name; for time dimensions the period's start in the report's zone ("2026-11-29", "2026-11-29 14:00", "2026-W48", "2026-11").</summary>
public sealed record ReportKey(ReportDimension Dimension, string Value, string Label);

public sealed record ReportRow(IReadOnlyList<ReportKey> Keys, ReportCounters Counters);

/// <summary>Rows sorted and limited as asked; totals over every matching click and conversion.</summary>
/// <param name="Truncated">True when more groups matched than <see cref="ReportRequest.Limit"/>; totals still cover all of them.</param>
public sealed record ReportResult(
    IReadOnlyList<ReportRow> Rows,
    ReportCounters Totals,
    string Currency,
    string TimeZone,
    bool Truncated);

/// <summary>Runs reports. Implemented over rollups in Tracker.Web/Reports; the API, the Reports page and the dashboard call it.</summary>
public interface IReportSource
{
    /// <summary>Validate first (<c>ReportRequestValidator</c>); an invalid request throws <see cref="ArgumentException"/>.</summary>
    Task<ReportResult> RunAsync(ReportRequest request, CancellationToken cancellationToken);
}
