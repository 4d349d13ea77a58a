namespace Tracker.Web.Reports;

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
