using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Networks;

namespace Tracker.Web.Data.Configurations;

/// <summary>A network's postback IP allow-list: part of the admin security model, kept apart from <see cref="AffiliateNetworkConfiguration"/> so its migration stays easy to regenerate.</summary>
internal sealed class NetworkPostbackAllowListConfiguration : IEntityTypeConfiguration<AffiliateNetwork>
{
    public void Configure(EntityTypeBuilder<AffiliateNetwork> b)
    {
        b.Property(n => n.PostbackAllowedIps).HasMaxLength(20000);
    }
}
