using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Networks;

namespace Tracker.Web.Data.Configurations;

internal sealed class AffiliateNetworkConfiguration : IEntityTypeConfiguration<AffiliateNetwork>
{
    public void Configure(EntityTypeBuilder<AffiliateNetwork> b)
    {
        b.ToTable("affiliate_networks");
        b.Property(n => n.Name).HasMaxLength(200).IsRequired();
        b.Property(n => n.OfferParameters).HasMaxLength(2000);
        b.Property(n => n.PostbackParameters).HasMaxLength(2000);
        b.Property(n => n.TemplateKey).HasMaxLength(100);
        b.Property(n => n.Notes).HasMaxLength(20000);
        b.Property(n => n.State).HasConversion<string>().HasMaxLength(10);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.HasIndex(n => n.Name);
    }
}
