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

    /// <summary>
    /// The admin's one money format (reports, lists, clicks): at least two decimals and up to four, so a tiny
    /// CPC amount keeps its digits (0.0005 USD) and 7 USD reads 7.00 USD next to 13.284 USD.
    /// </summary>
    public static string Money(decimal units, string currency) => $"{units.ToString("#,##0.00##", Inv)} {currency}";

    public static string MoneyMicros(long micros, string currency) => Money(Core.Amounts.Money.FromMicros(micros), currency);

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
        // A country reads best as its code and name: "DE · Germany".
        if (key.Dimension == ReportDimension.Country && key.Value.Length > 0 && key.Label.Length > 0 && key.Label != key.Value)
            return $"{key.Value} · {key.Label}";
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

    /// <summary>The tooltip of a metric's header: its title and its one definition (Core's, as in docs/reports.md).</summary>
    public static string Definition(ReportMetric metric) => $"{ReportNames.Title(metric)}: {ReportNames.Description(metric)}";

    /// <summary>The engine's refusal as a sentence: its message without .NET's "(Parameter '…')" suffix.</summary>
    public static string ErrorText(ArgumentException ex) =>
        ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
}
