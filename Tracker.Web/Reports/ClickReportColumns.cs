using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tracker.Core.Clicks;
using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

/// <summary>The traffic-source parameters reports group by, stored as columns of <c>clicks</c>.</summary>
public static class ClickReportColumns
{
    /// <summary>Longer values are cut: a report key, not the original (which stays in Parameters).</summary>
    public const int MaxLength = 500;

    public sealed record ReportColumn(ReportDimension Dimension, string Column, string Parameter);

    public static readonly IReadOnlyList<ReportColumn> All =
    [
        new(ReportDimension.Source, "Source", ClickParameters.Source),
        new(ReportDimension.Keyword, "Keyword", ClickParameters.Keyword),
        new(ReportDimension.SubId1, "SubId1", ClickParameters.SubIdName(1)),
        new(ReportDimension.SubId2, "SubId2", ClickParameters.SubIdName(2)),
        new(ReportDimension.SubId3, "SubId3", ClickParameters.SubIdName(3)),
        new(ReportDimension.SubId4, "SubId4", ClickParameters.SubIdName(4)),
        new(ReportDimension.SubId5, "SubId5", ClickParameters.SubIdName(5)),
    ];

    public static string ColumnOf(ReportDimension d) => All.Single(c => c.Dimension == d).Column;

    /// <summary>The column's value for a click: its parameter, cut to <see cref="MaxLength"/>.</summary>
    public static string Value(Click click, ReportColumn column) =>
        click.Parameters.TryGetValue(column.Parameter, out var v) ? (v.Length <= MaxLength ? v : v[..MaxLength]) : "";

    /// <summary>Copies the parameters into the columns of a tracked click (a postback may change sub_id_1…).</summary>
    public static void Sync(EntityEntry<Click> entry)
    {
        foreach (var column in All)
        {
            var property = entry.Property<string>(column.Column);
            var value = Value(entry.Entity, column);
            if (!string.Equals(property.CurrentValue, value, StringComparison.Ordinal)) property.CurrentValue = value;
        }
    }
}
