using Microsoft.Data.Sqlite;

namespace Tracker.Web.Reports;

/// <summary>Names of campaigns, streams, offers, offer groups and networks for a report's keys, read with its snapshot.</summary>
internal sealed class ReportCatalog
{
    public Dictionary<long, string> Campaigns { get; } = [];
    public Dictionary<long, string> Streams { get; } = [];
    public Dictionary<long, string> Offers { get; } = [];
    public Dictionary<long, long> OfferGroups { get; } = [];
    public Dictionary<long, string> Groups { get; } = [];
    public Dictionary<long, string> Networks { get; } = [];

    public static async Task<ReportCatalog> LoadAsync(SqliteTransaction connection, CancellationToken ct)
    {
        var c = new ReportCatalog();
        await ReadAsync(connection, "SELECT Id, Name FROM campaigns", c.Campaigns, ct);
        await ReadAsync(connection, "SELECT Id, Name FROM streams", c.Streams, ct);
        await ReadAsync(connection, "SELECT Id, Name FROM offer_groups", c.Groups, ct);
        await ReadAsync(connection, "SELECT Id, Name FROM affiliate_networks", c.Networks, ct);
        await using var command = connection.NewCommand();
        command.CommandText = "SELECT Id, Name, GroupId FROM offers";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            c.Offers[id] = reader.GetString(1);
            if (!reader.IsDBNull(2)) c.OfferGroups[id] = reader.GetInt64(2);
        }
        return c;
    }

    /// <summary>The group an offer is in now; 0 for none (or an offer since deleted).</summary>
    public long GroupOf(long offerId) => OfferGroups.TryGetValue(offerId, out var g) ? g : 0;

    public List<long> OffersIn(long groupId) => OfferGroups.Where(kv => kv.Value == groupId).Select(kv => kv.Key).Order().ToList();

    private static async Task ReadAsync(SqliteTransaction connection, string sql, Dictionary<long, string> into, CancellationToken ct)
    {
        await using var command = connection.NewCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) into[reader.GetInt64(0)] = reader.GetString(1);
    }
}
