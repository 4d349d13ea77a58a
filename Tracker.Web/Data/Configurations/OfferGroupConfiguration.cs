using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Offers;

namespace Tracker.Web.Data.Configurations;

internal sealed class OfferGroupConfiguration : IEntityTypeConfiguration<OfferGroup>
{
    public void Configure(EntityTypeBuilder<OfferGroup> b)
    {
        b.ToTable("offer_groups");
        b.Property(g => g.Name).HasMaxLength(100).IsRequired();
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasIndex(g => g.Name).IsUnique();
    }
}
