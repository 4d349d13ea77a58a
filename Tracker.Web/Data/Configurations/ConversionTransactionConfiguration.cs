using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;

namespace Tracker.Web.Data.Configurations;

internal sealed class ConversionTransactionConfiguration : IEntityTypeConfiguration<ConversionTransaction>
{
    public void Configure(EntityTypeBuilder<ConversionTransaction> b)
    {
        b.ToTable("conversion_transactions");
        b.Property(t => t.SubId).HasMaxLength(26).IsRequired();
        b.Property(t => t.Tid).HasMaxLength(200);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(10);
        b.HasOne<Conversion>().WithMany().HasForeignKey(t => t.ConversionId).OnDelete(DeleteBehavior.Cascade);
        // The same (subid, tid) twice is a duplicate.
        b.HasIndex(t => new { t.SubId, t.Tid }).IsUnique();
    }
}
