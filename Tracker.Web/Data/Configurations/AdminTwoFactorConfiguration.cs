using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Admin;

namespace Tracker.Web.Data.Configurations;

/// <summary>The two-factor columns of <see cref="AdminUser"/>: part of the admin security model, kept apart from <see cref="AdminUserConfiguration"/> so its migration stays easy to regenerate.</summary>
internal sealed class AdminTwoFactorConfiguration : IEntityTypeConfiguration<AdminUser>
{
    public void Configure(EntityTypeBuilder<AdminUser> b)
    {
        b.Property(u => u.TotpSecret).HasMaxLength(1000);
    }
}
