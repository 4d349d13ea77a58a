using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Admin;
using Tracker.Core.Networks;

namespace Tracker.Web.Data.Configurations;

// The admin security model (sessions, two-factor login, IP allow-lists), kept apart from the other
// configurations so its migration stays easy to regenerate.

internal sealed class AdminTwoFactorConfiguration : IEntityTypeConfiguration<AdminUser>
{
    public void Configure(EntityTypeBuilder<AdminUser> b)
    {
        b.Property(u => u.TotpSecret).HasMaxLength(1000);
    }
}

internal sealed class AdminSessionConfiguration : IEntityTypeConfiguration<AdminSession>
{
    public void Configure(EntityTypeBuilder<AdminSession> b)
    {
        b.ToTable("admin_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.Address).HasMaxLength(45);
        b.Property(s => s.UserAgent).HasMaxLength(200);
        b.HasOne<AdminUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
    }
}

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

internal sealed class AdminAccessConfiguration : IEntityTypeConfiguration<AdminAccess>
{
    public void Configure(EntityTypeBuilder<AdminAccess> b)
    {
        b.ToTable("admin_access");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.AllowList).HasMaxLength(20000);
        b.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class NetworkPostbackAllowListConfiguration : IEntityTypeConfiguration<AffiliateNetwork>
{
    public void Configure(EntityTypeBuilder<AffiliateNetwork> b)
    {
        b.Property(n => n.PostbackAllowedIps).HasMaxLength(20000);
    }
}
