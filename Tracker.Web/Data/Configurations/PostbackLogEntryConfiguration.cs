using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;

namespace Tracker.Web.Data.Configurations;

internal sealed class PostbackLogEntryConfiguration : IEntityTypeConfiguration<PostbackLogEntry>
{
    public void Configure(EntityTypeBuilder<PostbackLogEntry> b)
    {
        b.ToTable("postback_log");
        b.Property(p => p.SourceIp).HasMaxLength(45);
        b.Property(p => p.Method).HasMaxLength(8);
        b.Property(p => p.Raw).HasMaxLength(17000);
        b.Property(p => p.SubId).HasMaxLength(100);
        b.Property(p => p.Status).HasMaxLength(100);
        b.Property(p => p.From).HasMaxLength(200);
        b.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.Message).HasMaxLength(1000);
        b.HasIndex(p => p.ReceivedAt);
        b.HasIndex(p => p.SubId);
    }
}
