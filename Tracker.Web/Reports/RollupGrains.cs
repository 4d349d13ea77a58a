namespace Tracker.Web.Reports;

/// <summary>The day grains and the key columns each keeps (the others are stored as 0 or "").</summary>
public static class RollupGrains
{
    public static readonly IReadOnlyList<(RollupGrain Grain, string[] Columns)> Days =
    [
        (RollupGrain.Day, ["CampaignId", "StreamId", "OfferId", "AffiliateNetworkId", "Country"]),
        (RollupGrain.DayWithoutCountry, ["CampaignId", "StreamId", "OfferId", "AffiliateNetworkId"]),
        (RollupGrain.DayByCampaignAndCountry, ["CampaignId", "Country"]),
        (RollupGrain.DayByCountry, ["Country"]),
    ];

    /// <summary>The key as a day grain keeps it.</summary>
    public static RollupKey Project(RollupGrain grain, RollupKey key) => grain switch
    {
        RollupGrain.Quarter or RollupGrain.Day => key,
        RollupGrain.DayWithoutCountry => key with { Country = "" },
        RollupGrain.DayByCampaignAndCountry => key with { StreamId = 0, OfferId = 0, AffiliateNetworkId = 0 },
        RollupGrain.DayByCountry => key with { CampaignId = 0, StreamId = 0, OfferId = 0, AffiliateNetworkId = 0 },
    };

    /// <summary>The day grain with the fewest rows that has every column a report needs.</summary>
    public static RollupGrain Smallest(IEnumerable<string> columns)
    {
        var needed = columns.ToHashSet(StringComparer.Ordinal);
        // Fewest rows first: about one row per country a day, per offer, per campaign and country, then everything.
        RollupGrain[] bySize = [RollupGrain.DayByCountry, RollupGrain.DayWithoutCountry, RollupGrain.DayByCampaignAndCountry, RollupGrain.Day];
        return bySize.First(g => needed.IsSubsetOf(Days.Single(d => d.Grain == g).Columns));
    }
}
