using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Admin;
using Tracker.Core.Settings;

namespace Tracker.Web.Data.Configurations;

internal sealed class SettingsConfiguration : IEntityTypeConfiguration<TrackerSettings>
{
    public void Configure(EntityTypeBuilder<TrackerSettings> b)
    {
        b.ToTable("settings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.BaseCurrency).HasMaxLength(8);
        b.Property(s => s.TimeZone).HasMaxLength(64);
        b.Property(s => s.PostbackKey).HasMaxLength(64);
        b.Property(s => s.ApiKey).HasMaxLength(128);
        b.Property(s => s.ExchangeRates).HasJsonConversion();
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class AdminUserConfiguration : IEntityTypeConfiguration<AdminUser>
{
    public void Configure(EntityTypeBuilder<AdminUser> b)
    {
        b.ToTable("admin_users");
        b.Property(u => u.UserName).HasMaxLength(100).IsRequired();
        b.Property(u => u.PasswordHash).HasMaxLength(500).IsRequired();
        b.Property(u => u.SecurityStamp).HasMaxLength(64);
        b.HasIndex(u => u.UserName).IsUnique();
    }
}
