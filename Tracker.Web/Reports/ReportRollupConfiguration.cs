using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Clicks;

namespace Tracker.Web.Reports;

internal sealed class ReportRollupConfiguration : IEntityTypeConfiguration<ReportRollup>
{
    public void Configure(EntityTypeBuilder<ReportRollup> b)
    {
        // The migration creates it WITHOUT ROWID on SQLite: rows are stored in key order, so a report's
        // range scan reads the rows themselves, not an index and then the table.
        b.ToTable("report_rollups");
        b.HasKey(r => new { r.Grain, r.Bucket, r.CampaignId, r.StreamId, r.OfferId, r.AffiliateNetworkId, r.Country });
        b.Property(r => r.Grain).HasConversion<int>();
        b.Property(r => r.Country).HasMaxLength(2);
    }
}

internal sealed class ReportRollupStateConfiguration : IEntityTypeConfiguration<ReportRollupState>
{
    public void Configure(EntityTypeBuilder<ReportRollupState> b)
    {
        b.ToTable("report_rollup_state");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.DayZone).HasMaxLength(100);
        // -1: the rollups were never built from the raw rows (an upgraded database has clicks already).
        b.HasData(new ReportRollupState { Id = 1, DayZone = null, DayBuiltUntil = ReportRollupState.NeverBuilt });
    }
}

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
