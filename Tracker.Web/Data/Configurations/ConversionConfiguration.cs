using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;

namespace Tracker.Web.Data.Configurations;

internal sealed class ConversionConfiguration : IEntityTypeConfiguration<Conversion>
{
    public void Configure(EntityTypeBuilder<Conversion> b)
    {
        b.ToTable("conversions");
        b.Property(c => c.SubId).HasMaxLength(26).IsRequired();
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.OriginalStatus).HasMaxLength(100);
        b.Property(c => c.OriginalCurrency).HasMaxLength(8);
        b.Property(c => c.Tid).HasMaxLength(200);
        b.HasOne<Click>().WithMany().HasForeignKey(c => c.ClickId).OnDelete(DeleteBehavior.Restrict);
        // One conversion per click: concurrent identical postbacks cannot create two.
        b.HasIndex(c => c.ClickId).IsUnique();
        b.HasIndex(c => c.SubId).IsUnique();
        b.HasIndex(c => c.CreatedAt);
        b.HasIndex(c => new { c.OfferId, c.CreatedAt });
        // Revenue waiting for an exchange rate (ADR 0004): found by currency when the rate is added.
        b.Property(c => c.PendingCurrency).HasMaxLength(8);
        b.HasIndex(c => c.PendingCurrency);
        b.Ignore(c => c.AwaitsRate);
    }
}
