using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Web.Clicks;

namespace Tracker.Web.Data.Configurations;

internal sealed class TraceLineConfiguration : IEntityTypeConfiguration<TraceLine>
{
    public void Configure(EntityTypeBuilder<TraceLine> b)
    {
        b.ToTable("trace_lines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Text).IsRequired();
    }
}
