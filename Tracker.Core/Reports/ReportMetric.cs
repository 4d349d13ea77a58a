namespace Tracker.Core.Reports;

/// <summary>Every number a report row carries. API names in <see cref="ReportNames"/>.</summary>
public enum ReportMetric
{
    Clicks, UniqueClicks, Conversions, Leads, Sales, Rejected, Rebills,
    Revenue, RevenueHold, Cost, Profit, Roi, Cr, Epc, Cpc,
    Bots,
}
