using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Admin;

namespace Tracker.Web.Data.Configurations;

internal sealed class AdminRecoveryCodeConfiguration : IEntityTypeConfiguration<AdminRecoveryCode>
{
    public void Configure(EntityTypeBuilder<AdminRecoveryCode> b)
    {
        b.ToTable("admin_recovery_codes");
        b.Property(c => c.Hash).HasMaxLength(64).IsRequired();
        b.HasOne<AdminUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.UserId, c.Hash });
    }
}
