namespace Tracker.Web.Reports;

/// <summary>
/// One result row's raw values before grouping: its quarter and one code per column of
/// <see cref="ReportPlan.ClickColumns"/> (the rollups read a prefix of them): the id for id columns,
/// the interned text (<see cref="TextKeys"/>) for country and the traffic-source parameters.
/// </summary>
internal sealed class ReportValues(ReportPlan plan)
{
    public long Quarter { get; set; }

    public long[] Codes { get; } = new long[plan.ClickColumns.Count];

    /// <summary>True for the columns read as text (country, source, keyword, sub_id_1…5).</summary>
    public static bool IsText(string column) => column == "Country" || ClickReportColumns.All.Any(c => c.Column == column);
}
