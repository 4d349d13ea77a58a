using System.Globalization;
using Tracker.Core.Reports;

namespace Tracker.Web.Components.Pages.Reports;

/// <summary>
/// Points for the charts above the report and on the dashboard: one per day (or per hour for short
/// ranges) over the whole range, periods without clicks as zeros so the line does not skip them.
/// </summary>
public sealed record ReportChartData(
    IReadOnlyList<string> Labels,
    IReadOnlyList<long> Clicks,
    IReadOnlyList<long> Conversions,
    IReadOnlyList<decimal> Revenue,
    IReadOnlyList<decimal> Profit,
    bool Hourly)
{
    /// <summary>Enough for a year of days or two months of hours.</summary>
    public const int MaxPoints = 1500;

    public static ReportChartData Of(ReportResult result, DateOnly from, DateOnly to, bool hourly)
    {
        var byKey = new Dictionary<string, ReportCounters>(StringComparer.Ordinal);
        foreach (var row in result.Rows)
        {
            var key = row.Keys.Count > 0 ? row.Keys[0].Value : "";
            byKey[key] = byKey.TryGetValue(key, out var sum) ? sum + row.Counters : row.Counters;
        }
        var keys = new List<string>();
        var labels = new List<string>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!hourly)
            {
                keys.Add(date);
                labels.Add(day.ToString("MMM d", CultureInfo.InvariantCulture));
                continue;
            }
            for (var h = 0; h < 24; h++)
            {
                keys.Add($"{date} {h:00}:00");
                labels.Add(from == to ? $"{h:00}:00" : $"{day.ToString("MMM d", CultureInfo.InvariantCulture)} {h:00}h");
            }
        }
        var points = keys.Select(k => byKey.GetValueOrDefault(k)).ToList();
        return new ReportChartData(
            labels,
            points.Select(c => c.Clicks).ToList(),
            points.Select(ReportMetrics.Conversions).ToList(),
            points.Select(c => Core.Amounts.Money.FromMicros(c.RevenueMicros)).ToList(),
            points.Select(c => Core.Amounts.Money.FromMicros(ReportMetrics.ProfitMicros(c))).ToList(),
            hourly);
    }

    public bool HasData => Clicks.Any(c => c > 0) || Conversions.Any(c => c > 0) || Revenue.Any(r => r != 0);
}
