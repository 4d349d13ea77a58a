using Microsoft.Data.Sqlite;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

/// <summary>
/// Keeps the report rollups current with the postback's transaction: what the conversion counted
/// before the postback is taken back and what it counts after is added, at the click's time and at
/// its own, so a status change moves money (hold → revenue, or away when rejected) and a rebill adds it.
/// </summary>
public static class ConversionRollups
{
    /// <summary>What a conversion counts now (none when there is no conversion).</summary>
    public static IReadOnlyList<ConversionPart> Parts(Conversion? conversion, IEnumerable<ConversionTransaction> transactions) =>
        conversion is null
            ? []
            : ConversionContribution.Parts(conversion.Status, conversion.RevenueMicros, conversion.CreatedAt,
                ConversionContribution.Rebills(transactions.Where(t => t.SubId == conversion.SubId)));

    /// <summary>Writes the change on the postback's connection, inside its open transaction.</summary>
    public static void Write(SqliteConnection connection, Click click, IReadOnlyList<ConversionPart> before, IReadOnlyList<ConversionPart> after)
    {
        var batch = new RollupBatch();
        Add(batch, click, before, after);
        using var statements = new RollupStatements(connection);
        batch.Write(statements);
    }

    /// <summary>Gathers the change into <paramref name="batch"/>, for a writer that writes many at once.</summary>
    public static void Add(RollupBatch batch, Click click, IReadOnlyList<ConversionPart> before, IReadOnlyList<ConversionPart> after)
    {
        var key = RollupKey.Of(0, click.CampaignId, click.StreamId, click.OfferId, click.AffiliateNetworkId, click.Country);
        batch.AddConversionChange(key, click.CreatedAt, before, after);
    }
}
