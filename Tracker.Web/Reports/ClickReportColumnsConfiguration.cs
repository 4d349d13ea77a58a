using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Clicks;

namespace Tracker.Web.Reports;

/// <summary>
/// What reports need on the click row: the cost in the base currency, and the traffic-source parameters
/// as plain columns (reading them from the JSON of <see cref="Click.Parameters"/> would need a
/// database-specific function and parse every row). Shadow properties: they mirror Parameters.
/// </summary>
internal sealed class ClickReportColumnsConfiguration : IEntityTypeConfiguration<Click>
{
    public void Configure(EntityTypeBuilder<Click> b)
    {
        foreach (var column in ClickReportColumns.All)
            b.Property<string>(column.Column).HasMaxLength(ClickReportColumns.MaxLength).IsRequired().HasDefaultValue("");
    }
}
