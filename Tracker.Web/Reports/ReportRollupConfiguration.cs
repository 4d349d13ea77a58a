using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tracker.Web.Reports;

internal sealed class ReportRollupConfiguration : IEntityTypeConfiguration<ReportRollup>
{
    public void Configure(EntityTypeBuilder<ReportRollup> b)
    {
        // The migration creates it WITHOUT ROWID on SQLite: rows are stored in key order, so a report's
        // range scan reads the rows themselves, not an index and then the table.
        b.ToTable("report_rollups");
        b.HasKey(r => new { r.Grain, r.Bucket, r.CampaignId, r.StreamId, r.OfferId, r.AffiliateNetworkId, r.Country });
        b.Property(r => r.Grain).HasConversion<int>();
        b.Property(r => r.Country).HasMaxLength(2);
    }
}
