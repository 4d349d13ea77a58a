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
