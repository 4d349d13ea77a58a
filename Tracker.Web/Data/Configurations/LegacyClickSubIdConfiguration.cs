using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Web.Clicks;

namespace Tracker.Web.Data.Configurations;

internal sealed class LegacyClickSubIdConfiguration : IEntityTypeConfiguration<LegacyClickSubId>
{
    public void Configure(EntityTypeBuilder<LegacyClickSubId> b)
    {
        b.ToTable("legacy_click_subids");
        b.HasKey(l => l.SubId);
        b.Property(l => l.SubId).HasMaxLength(26);
    }
}
