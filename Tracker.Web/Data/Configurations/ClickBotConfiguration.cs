using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Core.Clicks;

namespace Tracker.Web.Data.Configurations;

/// <summary>
/// Bot detection on the click row: <see cref="Click.BotReason"/> as its number (0 = not a bot), and a
/// partial index on the bots' times so "bots only" in the clicks list pages as fast as the full list
/// without costing a human click an index write.
/// </summary>
internal sealed class ClickBotConfiguration : IEntityTypeConfiguration<Click>
{
    public void Configure(EntityTypeBuilder<Click> b)
    {
        b.Property(c => c.BotReason).HasConversion<int>();
        b.Ignore(c => c.IsBot);
        b.HasIndex(c => c.CreatedAt, "IX_clicks_bots_CreatedAt").HasFilter("BotReason <> 0");
    }
}
