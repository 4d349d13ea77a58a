namespace Tracker.Core.Reports;

/// <summary>Runs reports. Implemented over rollups in Tracker.Web/Reports; the API, the Reports page and the dashboard call it.</summary>
public interface IReportSource
{
    /// <summary>Validate first (<c>ReportRequestValidator</c>); an invalid request throws <see cref="ArgumentException"/>.</summary>
    Task<ReportResult> RunAsync(ReportRequest request, CancellationToken cancellationToken);
}
