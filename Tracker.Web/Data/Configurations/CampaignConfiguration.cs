using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Campaigns;

namespace Tracker.Web.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("campaigns");
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
        b.Property(c => c.Alias).HasMaxLength(64).IsRequired();
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.Alias).IsUnique();
        b.HasMany(c => c.Streams).WithOne().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Streams).AutoInclude();
    }
}
