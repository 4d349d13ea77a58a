using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Reports;

namespace Tracker.Web.Data.Configurations;

internal sealed class ReportPresetConfiguration : IEntityTypeConfiguration<ReportPreset>
{
    public void Configure(EntityTypeBuilder<ReportPreset> b)
    {
        b.ToTable("report_presets");
        b.Property(p => p.Name).HasMaxLength(ReportPreset.MaxNameLength).IsRequired();
        b.Property(p => p.Query).HasMaxLength(ReportPreset.MaxQueryLength).IsRequired();
        b.HasIndex(p => p.Name).IsUnique();
    }
}
