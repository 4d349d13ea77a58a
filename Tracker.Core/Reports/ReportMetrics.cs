using Tracker.Core.Amounts;

namespace Tracker.Core.Reports;

/// <summary>
/// One definition of every report number (docs/reports.md says the same in words). Counters are sums;
/// the rest is derived here and nowhere else. Ratios are null when their divisor is zero ("—" on screen).
/// </summary>
public static class ReportMetrics
{
    /// <summary>Leads + sales: the conversions the network accepted (rejected ones are not counted).</summary>
    public static long Conversions(ReportCounters c) => c.Leads + c.Sales;

    /// <summary>Confirmed revenue minus cost, in micro-units of the base currency.</summary>
    public static long ProfitMicros(ReportCounters c) => c.RevenueMicros - c.CostMicros;

    /// <summary>Profit ÷ cost, as a percentage; null without cost.</summary>
    public static decimal? Roi(ReportCounters c) =>
        c.CostMicros == 0 ? null : decimal.Round(ProfitMicros(c) * 100m / c.CostMicros, 2, MidpointRounding.AwayFromZero);

    /// <summary>Conversions ÷ clicks, as a percentage; null without clicks.</summary>
    public static decimal? Cr(ReportCounters c) =>
        c.Clicks == 0 ? null : decimal.Round(Conversions(c) * 100m / c.Clicks, 2, MidpointRounding.AwayFromZero);

    /// <summary>Revenue ÷ clicks, in micro-units; null without clicks.</summary>
    public static long? EpcMicros(ReportCounters c) =>
        c.Clicks == 0 ? null : (long)Math.Round((decimal)c.RevenueMicros / c.Clicks, MidpointRounding.AwayFromZero);

    /// <summary>Cost ÷ clicks, in micro-units; null without clicks.</summary>
    public static long? CpcMicros(ReportCounters c) =>
        c.Clicks == 0 ? null : (long)Math.Round((decimal)c.CostMicros / c.Clicks, MidpointRounding.AwayFromZero);

    /// <summary>True for metrics that are amounts of money (shown in the base currency).</summary>
    public static bool IsMoney(ReportMetric metric) => metric switch
    {
        ReportMetric.Revenue or ReportMetric.RevenueHold or ReportMetric.Cost or ReportMetric.Profit
            or ReportMetric.Epc or ReportMetric.Cpc => true,
        ReportMetric.Clicks or ReportMetric.UniqueClicks or ReportMetric.Bots or ReportMetric.Conversions or ReportMetric.Leads
            or ReportMetric.Sales or ReportMetric.Rejected or ReportMetric.Rebills or ReportMetric.Roi
            or ReportMetric.Cr => false,
    };

    /// <summary>True for percentages (roi, cr).</summary>
    public static bool IsPercent(ReportMetric metric) => metric is ReportMetric.Roi or ReportMetric.Cr;

    /// <summary>
    /// The metric's value for sorting and display: counts as themselves, money in units of the base
    /// currency (exact, from micro-units), percentages as percent; null when undefined (a ratio over zero).
    /// </summary>
    public static decimal? Value(ReportMetric metric, ReportCounters c) => metric switch
    {
        ReportMetric.Clicks => c.Clicks,
        ReportMetric.UniqueClicks => c.UniqueClicks,
        ReportMetric.Bots => c.BotClicks,
        ReportMetric.Conversions => Conversions(c),
        ReportMetric.Leads => c.Leads,
        ReportMetric.Sales => c.Sales,
        ReportMetric.Rejected => c.Rejected,
        ReportMetric.Rebills => c.Rebills,
        ReportMetric.Revenue => Money.FromMicros(c.RevenueMicros),
        ReportMetric.RevenueHold => Money.FromMicros(c.RevenueHoldMicros),
        ReportMetric.Cost => Money.FromMicros(c.CostMicros),
        ReportMetric.Profit => Money.FromMicros(ProfitMicros(c)),
        ReportMetric.Roi => Roi(c),
        ReportMetric.Cr => Cr(c),
        ReportMetric.Epc => EpcMicros(c) is { } epc ? Money.FromMicros(epc) : null,
        ReportMetric.Cpc => CpcMicros(c) is { } cpc ? Money.FromMicros(cpc) : null,
    };
}
