namespace Tracker.Web.Reports;

/// <summary>
/// One row of the report rollups: the summed counters of every click and conversion that share a time
/// bucket and the fixed dimensions. Ids are 0 for "none" (a click that reached no offer), so the key
/// stays unique in every database (NULLs never conflict). Offer groups are not stored: an offer's
/// group is looked up when the report runs, so moving an offer moves its history with it.
/// </summary>
/// <remarks>
/// Conversions are counted twice, once per attribution: at their click's bucket (the plain columns)
/// and at their own bucket (the <c>…AtConversion</c> columns). Clicks, cost and CPC revenue are the
/// same under both. See docs/reports.md.
/// </remarks>
public sealed class ReportRollup
{
    /// <summary><see cref="RollupGrain"/>: 15-minute UTC quarters, or whole days in <see cref="ReportRollupState.DayZone"/>.</summary>
    public RollupGrain Grain { get; set; }

    /// <summary>The quarter (15 minutes since the Unix epoch) the bucket starts in; for days, the day's first quarter.</summary>
    public long Bucket { get; set; }

    public int CampaignId { get; set; }
    public int StreamId { get; set; }
    public int OfferId { get; set; }
    public int AffiliateNetworkId { get; set; }
    public string Country { get; set; } = "";

    public long Clicks { get; set; }
    public long UniqueClicks { get; set; }
    public long CostMicros { get; set; }
    /// <summary>CPC revenue booked on the clicks.</summary>
    public long ClickRevenueMicros { get; set; }

    public long Leads { get; set; }
    public long Sales { get; set; }
    public long Rejected { get; set; }
    public long Rebills { get; set; }
    public long RevenueMicros { get; set; }
    public long RevenueHoldMicros { get; set; }

    public long LeadsAtConversion { get; set; }
    public long SalesAtConversion { get; set; }
    public long RejectedAtConversion { get; set; }
    public long RebillsAtConversion { get; set; }
    public long RevenueMicrosAtConversion { get; set; }
    public long RevenueHoldMicrosAtConversion { get; set; }

    /// <summary>How many of <see cref="Clicks"/> are bots.</summary>
    public long BotClicks { get; set; }
}

public enum RollupGrain
{
    /// <summary>15-minute UTC buckets: exact for every zone, the source of truth.</summary>
    Quarter = 0,
    /// <summary>Whole days in the settings' zone, every key: what reports by country and offer together read.</summary>
    Day = 1,
    /// <summary>Whole days, country left out (<c>Country</c> = ""): reports by campaign, stream, offer, offer group or network.</summary>
    DayWithoutCountry = 2,
    /// <summary>Whole days by campaign and country only (the other ids 0): reports by country within campaigns.</summary>
    DayByCampaignAndCountry = 3,
    /// <summary>Whole days by country only (every id 0): reports by country, and totals.</summary>
    DayByCountry = 4,
}

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

/// <summary>
/// Which zone the day rollups are in, and how far they are built. Writers add to day rows only for
/// days before <see cref="DayBuiltUntil"/>; the rebuilder builds the days after it from the quarter
/// rows, a few at a time, so clicks are never held up. Reports read day rows only when complete.
/// </summary>
public sealed class ReportRollupState
{
    /// <summary><see cref="DayBuiltUntil"/> of a database whose rollups were never built: the start-up builds them from the raw rows.</summary>
    public const long NeverBuilt = -1;

    public int Id { get; set; }

    /// <summary>IANA zone of the day rows; null while none are valid.</summary>
    public string? DayZone { get; set; }

    /// <summary>Day rows exist for every day whose first quarter is before this one; <see cref="long.MaxValue"/> once complete.</summary>
    public long DayBuiltUntil { get; set; }
}
