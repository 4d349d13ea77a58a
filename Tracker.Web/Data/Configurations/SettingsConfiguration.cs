using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
