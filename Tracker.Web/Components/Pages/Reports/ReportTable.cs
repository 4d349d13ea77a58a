using System.Globalization;
using CsvHelper;
using Tracker.Core.Reports;

namespace Tracker.Web.Components.Pages.Reports;

/// <summary>
/// The report exactly as the page shows it: the group columns, the chosen metric columns in order, the
/// rows in the engine's order, and the totals. The page renders it and the CSV export writes it, so
/// the file cannot disagree with the screen.
/// </summary>
public sealed record ReportTable(
    IReadOnlyList<ReportDimension> Groups,
    IReadOnlyList<ReportMetric> Metrics,
    IReadOnlyList<ReportRow> Rows,
    ReportCounters Totals,
    string Currency)
{
    public static ReportTable Of(ReportView view, ReportResult result) =>
        new(view.GroupBy, view.Columns, result.Rows, result.Totals, result.Currency);

    public bool IsEmpty => Rows.Count == 0;

    /// <summary>The key of <paramref name="row"/> for group column <paramref name="group"/>.</summary>
    public static ReportKey? Key(ReportRow row, ReportDimension group) => row.Keys.FirstOrDefault(k => k.Dimension == group);

    public string Cell(ReportRow row, ReportMetric metric) => ReportFormat.Display(metric, row.Counters, Currency);

    public string TotalCell(ReportMetric metric) => ReportFormat.Display(metric, Totals, Currency);

    /// <summary>
    /// The CSV: a header row (group titles, then metric titles with their unit), one line per row, and a
    /// "Total" line. Numbers are invariant (a dot for decimals, no thousands separators, no currency), so
    /// any spreadsheet reads them; an undefined ratio is an empty cell.
    /// </summary>
    public string ToCsv()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Names come from outside (sub_id values, offer names): one starting with = + - @ would run as a
        // spreadsheet formula, so it is escaped. Numbers are written as numbers and never escaped.
        var options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            // Without groups the table is just its totals line, which still needs its label column.
            if (Groups.Count == 0) csv.WriteField("");
            foreach (var g in Groups) csv.WriteField(ReportNames.Title(g));
            foreach (var m in Metrics) csv.WriteField(ReportFormat.CsvHeader(m, Currency));
            csv.EndRecord();
            foreach (var row in Rows)
            {
                if (Groups.Count == 0) csv.WriteField("");
                foreach (var g in Groups) csv.WriteField(Key(row, g) is { } key ? ReportFormat.KeyText(key) : "");
                WriteMetrics(csv, row.Counters);
            }
            for (var i = 0; i < Math.Max(Groups.Count, 1); i++) csv.WriteField(i == 0 ? "Total" : "");
            WriteMetrics(csv, Totals);
        }
        return text.ToString();
    }

    private void WriteMetrics(CsvWriter csv, ReportCounters counters)
    {
        foreach (var m in Metrics)
        {
            if (ReportMetrics.Value(m, counters) is { } value) csv.WriteField(value, ReportFormat.CsvNumberFormat(m));
            else csv.WriteField("");
        }
        csv.EndRecord();
    }

    /// <summary>A file name that says what the report covers, e.g. report-2026-11-01-2026-11-30-campaign-offer.csv.</summary>
    public static string FileName(DateOnly from, DateOnly to, IReadOnlyList<ReportDimension> groups)
    {
        var range = from == to ? from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var by = groups.Count == 0 ? "" : "-" + string.Join('-', groups.Select(ReportNames.Name));
        return $"report-{range}{by}.csv";
    }
}
