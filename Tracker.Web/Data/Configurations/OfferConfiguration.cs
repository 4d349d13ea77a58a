using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Networks;
using Tracker.Core.Offers;

namespace Tracker.Web.Data.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.ToTable("offers");
        b.Property(o => o.Name).HasMaxLength(200).IsRequired();
        b.Property(o => o.Url).HasMaxLength(4000).IsRequired();
        b.Property(o => o.RedirectType).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.PayoutType).HasConversion<string>().HasMaxLength(10);
        b.Property(o => o.State).HasConversion<string>().HasMaxLength(10);
        b.Property(o => o.PayoutCurrency).HasMaxLength(8);
        b.Property(o => o.LocalKey).HasMaxLength(64);
        b.Property(o => o.Notes).HasMaxLength(20000);
        b.Property(o => o.Countries).HasJsonConversion();
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.Payout);
        b.ComplexProperty(o => o.ConversionCap, cap =>
        {
            cap.Property(c => c.Enabled).HasColumnName("cap_enabled");
            cap.Property(c => c.DailyLimit).HasColumnName("cap_daily_limit");
            cap.Property(c => c.TimeZone).HasColumnName("cap_time_zone").HasMaxLength(64);
            cap.Property(c => c.AlternativeOfferId).HasColumnName("cap_alternative_offer_id");
        });
        b.HasOne<OfferGroup>().WithMany().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AffiliateNetwork>().WithMany().HasForeignKey(o => o.AffiliateNetworkId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.LocalKey).IsUnique();
        // The list sorts and filters by these; keep paging fast with 10,000 offers.
        b.HasIndex(o => new { o.State, o.Name });
        b.HasIndex(o => o.GroupId);
        b.HasIndex(o => o.AffiliateNetworkId);
    }
}
