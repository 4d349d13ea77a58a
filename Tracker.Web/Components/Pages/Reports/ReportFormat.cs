using System.Globalization;
using Tracker.Core.Reports;

namespace Tracker.Web.Components.Pages.Reports;

/// <summary>
/// How report numbers are shown, one format for the Reports page, the dashboard and the lists' stats
/// columns: counts with thousands separators, money in the base currency with two decimals (up to
/// four when it has fractions of a cent, as an EPC or CPC often has), ROI and CR as percentages, and
/// "—" where a ratio is undefined (nothing to divide by). CSV gets the same numbers without separators.
/// </summary>
public static class ReportFormat
{
    public const string Undefined = "—";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The cell text of a metric, e.g. "1,204", "1,234.50 USD", "12.5%", "—".</summary>
    public static string Display(ReportMetric metric, ReportCounters counters, string currency)
    {
        var value = ReportMetrics.Value(metric, counters);
        if (value is null) return Undefined;
        if (ReportMetrics.IsMoney(metric)) return Money(value.Value, currency);
        if (ReportMetrics.IsPercent(metric)) return Percent(value.Value);
        return Count(value.Value);
    }

    /// <summary>The CSV text of a metric: invariant, no separators, no unit (the header names it); empty when undefined.</summary>
    public static string Csv(ReportMetric metric, ReportCounters counters) =>
        ReportMetrics.Value(metric, counters) is { } value ? value.ToString(CsvNumberFormat(metric), Inv) : "";

    /// <summary>The invariant number format of a metric in CSV: the screen's decimals without thousands separators.</summary>
    public static string CsvNumberFormat(ReportMetric metric) =>
        ReportMetrics.IsMoney(metric) ? "0.00##" : ReportMetrics.IsPercent(metric) ? "0.##" : "0";

    public static string Money(decimal units, string currency) => $"{units.ToString("#,##0.00##", Inv)} {currency}";

    public static string MoneyMicros(long micros, string currency) => Money(Core.Money.Money.FromMicros(micros), currency);

    public static string Percent(decimal percent) => percent.ToString("#,##0.##", Inv) + "%";

    public static string Count(decimal count) => count.ToString("#,##0", Inv);

    /// <summary>The column header with its unit, e.g. "Revenue (USD)", "ROI (%)", "Clicks".</summary>
    public static string CsvHeader(ReportMetric metric, string currency) =>
        ReportMetrics.IsMoney(metric) ? $"{ReportNames.Title(metric)} ({currency})"
        : ReportMetrics.IsPercent(metric) ? $"{ReportNames.Title(metric)} (%)"
        : ReportNames.Title(metric);

    /// <summary>What a row's group key shows: the name, or what an empty value means.</summary>
    public static string KeyText(ReportKey key)
    {
        if (!string.IsNullOrWhiteSpace(key.Label)) return key.Label;
        if (!string.IsNullOrEmpty(key.Value)) return ReportNames.IsId(key.Dimension) ? $"#{key.Value}" : key.Value;
        return key.Dimension switch
        {
            ReportDimension.Country => "(unknown country)",
            ReportDimension.Stream or ReportDimension.Offer => "(none: no stream matched)",
            ReportDimension.OfferGroup => "(no group)",
            ReportDimension.AffiliateNetwork => "(no network)",
            ReportDimension.Day or ReportDimension.Hour or ReportDimension.Week or ReportDimension.Month
                or ReportDimension.Campaign or ReportDimension.Source or ReportDimension.Keyword or ReportDimension.SubId1
                or ReportDimension.SubId2 or ReportDimension.SubId3 or ReportDimension.SubId4 or ReportDimension.SubId5 => "(empty)",
        };
    }

    /// <summary>
    /// The definition shown in a metric's header tooltip: what it counts and how it is computed.
    /// </summary>
    public static string Definition(ReportMetric metric) => metric switch
    {
        ReportMetric.Clicks => "Clicks: every visit to a campaign's tracking link.",
        ReportMetric.UniqueClicks => "Unique clicks: clicks from a visitor (IP + browser) not seen on the same campaign within its uniqueness window.",
        ReportMetric.Conversions => "Conversions: leads + sales (rejected ones are not counted).",
        ReportMetric.Leads => "Leads: conversions the network registered but has not confirmed yet; their payout is revenue on hold.",
        ReportMetric.Sales => "Sales: conversions the network confirmed; their payout is revenue.",
        ReportMetric.Rejected => "Rejected: conversions the network cancelled; they earn nothing.",
        ReportMetric.Rebills => "Rebills: repeated payments (upsells) added to a conversion.",
        ReportMetric.Revenue => "Revenue: confirmed money — sales + rebills + CPC payouts, in the base currency.",
        ReportMetric.RevenueHold => "Revenue on hold: the payouts of leads, not confirmed yet.",
        ReportMetric.Cost => "Cost: what the clicks cost (each click's cost parameter), in the base currency.",
        ReportMetric.Profit => "Profit: revenue − cost.",
        ReportMetric.Roi => "ROI: profit ÷ cost, as a percentage; — without cost.",
        ReportMetric.Cr => "CR (conversion rate): conversions ÷ clicks, as a percentage; — without clicks.",
        ReportMetric.Epc => "EPC (earnings per click): revenue ÷ clicks; — without clicks.",
        ReportMetric.Cpc => "CPC (cost per click): cost ÷ clicks; — without clicks.",
    };
}
