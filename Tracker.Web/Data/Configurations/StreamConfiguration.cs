using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Campaigns;

namespace Tracker.Web.Data.Configurations;

internal sealed class StreamConfiguration : IEntityTypeConfiguration<CampaignStream>
{
    public void Configure(EntityTypeBuilder<CampaignStream> b)
    {
        b.ToTable("streams");
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Type).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.ActionPayload).HasMaxLength(20000);
        b.Property(s => s.Filters).HasJsonConversion();
        b.Property(s => s.Offers).HasJsonConversion();
        b.HasIndex(s => new { s.CampaignId, s.Position });
    }
}
