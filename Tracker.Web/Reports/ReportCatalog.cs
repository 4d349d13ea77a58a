using Microsoft.Data.Sqlite;
using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

/// <summary>
/// Names of campaigns, streams, offers, offer groups and networks for a report's keys, and offers'
/// groups, read with the report's snapshot — and only what the report needs: a name when a row or a
/// sort asks for it, the offers' groups only for reports grouped or filtered by offer
/// group. A report by day or by country reads no names at all, and none is allocated for ids the
/// report never shows (loading the whole catalogue was most of what a small report allocated).
/// </summary>
internal sealed class ReportCatalog(SqliteTransaction connection) : IDisposable
{
    private readonly ReportStatement?[] _lookups = new ReportStatement?[5];
    private Dictionary<long, long>? _offerGroups;

    /// <summary>The name of an id of <paramref name="dimension"/> (campaign, stream, offer, offer group, network); null when there is no such row. The caller keeps it (one query per call).</summary>
    public string? NameOf(ReportDimension dimension, long id)
    {
        var table = Table(dimension);
        var lookup = _lookups[table] ??= Prepare(dimension);
        lookup.Bind(1, id);
        string? name = null;
        try
        {
            if (lookup.Read(CancellationToken.None)) name = lookup.Text(0);
        }
        finally
        {
            lookup.Reset();
        }
        return name;
    }

    /// <summary>The group an offer is in now; 0 for none (or an offer since deleted).</summary>
    public long GroupOf(long offerId) => OfferGroups.TryGetValue(offerId, out var g) ? g : 0;

    public List<long> OffersIn(long groupId) => OfferGroups.Where(kv => kv.Value == groupId).Select(kv => kv.Key).Order().ToList();

    private Dictionary<long, long> OfferGroups
    {
        get
        {
            if (_offerGroups is not null) return _offerGroups;
            var groups = new Dictionary<long, long>();
            using var command = connection.NewCommand();
            command.CommandText = "SELECT Id, GroupId FROM offers WHERE GroupId IS NOT NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read()) groups[reader.GetInt64(0)] = reader.GetInt64(1);
            return _offerGroups = groups;
        }
    }

    private ReportStatement Prepare(ReportDimension dimension)
    {
        using var command = connection.NewCommand();
        command.CommandText = $"SELECT Name FROM {TableName(dimension)} WHERE Id = ?1";
        return new ReportStatement(connection, command);
    }

    private static int Table(ReportDimension d) => d switch
    {
        ReportDimension.Campaign => 0,
        ReportDimension.Stream => 1,
        ReportDimension.Offer => 2,
        ReportDimension.OfferGroup => 3,
        ReportDimension.AffiliateNetwork => 4,
        ReportDimension.Day or ReportDimension.Hour or ReportDimension.Week or ReportDimension.Month or ReportDimension.Country
            or ReportDimension.Source or ReportDimension.Keyword or ReportDimension.SubId1 or ReportDimension.SubId2
            or ReportDimension.SubId3 or ReportDimension.SubId4 or ReportDimension.SubId5
            => throw new ArgumentException($"{d} has no names.", nameof(d)),
    };

    private static string TableName(ReportDimension d) => Table(d) switch
    {
        0 => "campaigns",
        1 => "streams",
        2 => "offers",
        3 => "offer_groups",
        _ => "affiliate_networks",
    };

    public void Dispose()
    {
        foreach (var lookup in _lookups) lookup?.Dispose();
    }
}
