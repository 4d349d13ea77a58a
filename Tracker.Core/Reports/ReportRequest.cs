namespace Tracker.Core.Reports;

// The report contract (this request, ReportResult with its ReportRow/ReportKey/ReportCounters, and
// IReportSource) is shared by the report engine (Tracker.Web/Reports), the admin API
// (POST /api/v1/reports), the Reports page and the dashboard. Money is integer micro-units of the
// base currency until it is shown. docs/reports.md defines every metric.

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
