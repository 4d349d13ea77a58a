using Tracker.Core.Offers;
using Tracker.Core.Reports;

namespace Tracker.Web.Components.Pages.Reports;

/// <summary>
/// Today's and the last 7 days' numbers of every offer or campaign, for the lists' stats columns: one
/// report per range grouped by offer (or campaign), never a query per row. Keyed by the id as text.
/// </summary>
public sealed record ListStats(
    IReadOnlyDictionary<string, ReportCounters> Today,
    IReadOnlyDictionary<string, ReportCounters> Week,
    string Currency)
{
    /// <summary>More offers or campaigns than a tracker has; rows past it show "—".</summary>
    public const int Limit = 5000;

    public static readonly ListStats Empty = new(new Dictionary<string, ReportCounters>(), new Dictionary<string, ReportCounters>(), "");

    public static async Task<ListStats> LoadAsync(IReportSource reports, ReportDimension by, string timeZone, DateTime nowUtc, CancellationToken ct)
    {
        var zone = ZonedDay.TryFindZone(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        var todays = await reports.RunAsync(new ReportRequest { From = today, To = today, GroupBy = [by], Limit = Limit }, ct);
        var week = await reports.RunAsync(new ReportRequest { From = today.AddDays(-6), To = today, GroupBy = [by], Limit = Limit }, ct);
        return new ListStats(ById(todays), ById(week), todays.Currency);
    }

    private static Dictionary<string, ReportCounters> ById(ReportResult result) =>
        result.Rows.Where(r => r.Keys.Count > 0).ToDictionary(r => r.Keys[0].Value, r => r.Counters, StringComparer.Ordinal);

    public ReportCounters TodayOf(int id) => Today.GetValueOrDefault(id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ReportCounters WeekOf(int id) => Week.GetValueOrDefault(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
