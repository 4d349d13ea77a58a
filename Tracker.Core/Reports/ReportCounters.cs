namespace Tracker.Core.Reports;

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
