using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Admin;

namespace Tracker.Web.Data.Configurations;

/// <summary>Admin sessions. The admin security model (sessions, two-factor login, recovery codes, IP allow-lists) is configured apart from the other entities so its migration stays easy to regenerate.</summary>
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
