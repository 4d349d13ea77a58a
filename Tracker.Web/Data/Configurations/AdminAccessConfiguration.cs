using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Admin;

namespace Tracker.Web.Data.Configurations;

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
