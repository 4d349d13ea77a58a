namespace Tracker.Core.Reports;

/// <summary>Rows sorted and limited as asked; totals over every matching click and conversion.</summary>
/// <param name="Truncated">True when more groups matched than <see cref="ReportRequest.Limit"/>; totals still cover all of them.</param>
public sealed record ReportResult(
    IReadOnlyList<ReportRow> Rows,
    ReportCounters Totals,
    string Currency,
    string TimeZone,
    bool Truncated);
