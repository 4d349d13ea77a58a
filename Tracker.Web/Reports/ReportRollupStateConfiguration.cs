using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tracker.Web.Reports;

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
