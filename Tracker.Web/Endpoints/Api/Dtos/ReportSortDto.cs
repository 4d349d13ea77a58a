using System.ComponentModel;

namespace Tracker.Web.Endpoints.Api.Dtos;

public sealed record ReportSortDto
{
    [Description("A metric: clicks, uniqueClicks, bots, conversions, leads, sales, rejected, rebills, revenue, revenueHold, cost, profit, roi, cr, epc, cpc.")]
    public string? By { get; init; }

    [Description("Largest first (default true).")]
    public bool? Desc { get; init; }
}
