namespace Tracker.Core.Reports;

/// <summary>The API's names for dimensions, metrics and filters (as in the HTTP contract), both ways, case-sensitive.</summary>
public static class ReportNames
{
    private static readonly (ReportDimension Dimension, string Name, string Filter, string Title)[] Dimensions =
    [
        (ReportDimension.Day, "day", "day", "Day"),
        (ReportDimension.Hour, "hour", "hour", "Hour"),
        (ReportDimension.Week, "week", "week", "Week"),
        (ReportDimension.Month, "month", "month", "Month"),
        (ReportDimension.Campaign, "campaign", "campaignId", "Campaign"),
        (ReportDimension.Stream, "stream", "streamId", "Stream"),
        (ReportDimension.Offer, "offer", "offerId", "Offer"),
        (ReportDimension.OfferGroup, "offerGroup", "offerGroupId", "Offer group"),
        (ReportDimension.AffiliateNetwork, "affiliateNetwork", "affiliateNetworkId", "Affiliate network"),
        (ReportDimension.Country, "country", "country", "Country"),
        (ReportDimension.Source, "source", "source", "Source"),
        (ReportDimension.Keyword, "keyword", "keyword", "Keyword"),
        (ReportDimension.SubId1, "sub_id_1", "sub_id_1", "sub_id_1"),
        (ReportDimension.SubId2, "sub_id_2", "sub_id_2", "sub_id_2"),
        (ReportDimension.SubId3, "sub_id_3", "sub_id_3", "sub_id_3"),
        (ReportDimension.SubId4, "sub_id_4", "sub_id_4", "sub_id_4"),
        (ReportDimension.SubId5, "sub_id_5", "sub_id_5", "sub_id_5"),
    ];

    private static readonly (ReportMetric Metric, string Name, string Title)[] Metrics =
    [
        (ReportMetric.Clicks, "clicks", "Clicks"),
        (ReportMetric.UniqueClicks, "uniqueClicks", "Unique clicks"),
        (ReportMetric.Bots, "bots", "Bots"),
        (ReportMetric.Conversions, "conversions", "Conversions"),
        (ReportMetric.Leads, "leads", "Leads"),
        (ReportMetric.Sales, "sales", "Sales"),
        (ReportMetric.Rejected, "rejected", "Rejected"),
        (ReportMetric.Rebills, "rebills", "Rebills"),
        (ReportMetric.Revenue, "revenue", "Revenue"),
        (ReportMetric.RevenueHold, "revenueHold", "Revenue on hold"),
        (ReportMetric.Cost, "cost", "Cost"),
        (ReportMetric.Profit, "profit", "Profit"),
        (ReportMetric.Roi, "roi", "ROI"),
        (ReportMetric.Cr, "cr", "CR"),
        (ReportMetric.Epc, "epc", "EPC"),
        (ReportMetric.Cpc, "cpc", "CPC"),
    ];

    /// <summary>
    /// What each metric means, in the words of docs/reports.md: the API describes them with it and the
    /// Reports page and dashboard show exactly these texts as tooltips.
    /// </summary>
    public static string Description(ReportMetric m) => m switch
    {
        ReportMetric.Clicks => "Every recorded visit to a campaign link.",
        ReportMetric.UniqueClicks => "Clicks from a visitor (IP + user agent) who had not clicked the same campaign within its uniqueness window (24 hours by default).",
        ReportMetric.Bots => "Clicks marked as bots (empty user agent, a listed bot user agent or a datacenter address); counted in clicks, never in cost.",
        ReportMetric.Conversions => "Leads + sales: conversions the network reported and has not rejected.",
        ReportMetric.Leads => "Conversions waiting for the network's confirmation (status lead); their payout is revenue on hold.",
        ReportMetric.Sales => "Confirmed conversions (status sale); their payout is revenue.",
        ReportMetric.Rejected => "Conversions the network rejected; they add no revenue (nor do their rebills).",
        ReportMetric.Rebills => "Extra payments on a conversion (recurring billing), each with its own transaction id; not counted as conversions.",
        ReportMetric.Revenue => "Confirmed money in the base currency: sales and rebills, plus CPC revenue booked on the click.",
        ReportMetric.RevenueHold => "Payout of leads not yet confirmed, in the base currency; it moves to revenue when the lead becomes a sale, and disappears if rejected.",
        ReportMetric.Cost => "What the clicks cost: the traffic source's cost parameter, converted to the base currency at the click's time; bots cost 0.",
        ReportMetric.Profit => "Revenue − cost (revenue on hold is not included).",
        ReportMetric.Roi => "Return on investment: profit ÷ cost, in percent; empty without cost.",
        ReportMetric.Cr => "Conversion rate: conversions ÷ clicks, in percent; empty without clicks.",
        ReportMetric.Epc => "Earnings per click: revenue ÷ clicks; empty without clicks.",
        ReportMetric.Cpc => "Cost per click: cost ÷ clicks; empty without clicks.",
    };

    /// <summary>What each grouping means, for the group-by chips' tooltips.</summary>
    public static string Description(ReportDimension d) => d switch
    {
        ReportDimension.Day => "Calendar days in the report's time zone (23 or 25 hours on DST change days).",
        ReportDimension.Hour => "Clock hours in the report's time zone (at most 31 days).",
        ReportDimension.Week => "ISO weeks (Monday to Sunday) in the report's time zone.",
        ReportDimension.Month => "Calendar months in the report's time zone.",
        ReportDimension.Campaign => "The campaign whose link was clicked.",
        ReportDimension.Stream => "The campaign's stream that routed the click.",
        ReportDimension.Offer => "The offer the click was sent to.",
        ReportDimension.OfferGroup => "The group the offer is in now.",
        ReportDimension.AffiliateNetwork => "The affiliate network of the offer the click was sent to.",
        ReportDimension.Country => "The visitor's country (ISO code), from the IP address.",
        ReportDimension.Source => "The link's source parameter, as the traffic source sent it.",
        ReportDimension.Keyword => "The link's keyword parameter.",
        ReportDimension.SubId1 or ReportDimension.SubId2 or ReportDimension.SubId3 or ReportDimension.SubId4 or ReportDimension.SubId5
            => $"The link's {Name(d)} parameter (a postback can update it).",
    };

    public static IEnumerable<ReportDimension> AllDimensions => Dimensions.Select(d => d.Dimension);

    public static IEnumerable<ReportMetric> AllMetrics => Metrics.Select(m => m.Metric);

    /// <summary>The groupBy name: "day", "offer", "sub_id_1"….</summary>
    public static string Name(ReportDimension d) => Dimensions.Single(x => x.Dimension == d).Name;

    /// <summary>The filter name: "offerId", "country", "sub_id_1"….</summary>
    public static string FilterName(ReportDimension d) => Dimensions.Single(x => x.Dimension == d).Filter;

    public static string Title(ReportDimension d) => Dimensions.Single(x => x.Dimension == d).Title;

    public static string Name(ReportMetric m) => Metrics.Single(x => x.Metric == m).Name;

    public static string Title(ReportMetric m) => Metrics.Single(x => x.Metric == m).Title;

    public static bool TryDimension(string? name, out ReportDimension dimension) =>
        Find(Dimensions, d => d.Name == name, d => d.Dimension, out dimension);

    public static bool TryFilter(string? name, out ReportDimension dimension) =>
        Find(Dimensions, d => d.Filter == name, d => d.Dimension, out dimension);

    public static bool TryMetric(string? name, out ReportMetric metric) =>
        Find(Metrics, m => m.Name == name, m => m.Metric, out metric);

    /// <summary>Time dimensions (day, hour, week, month) group by period; the others by value.</summary>
    public static bool IsTime(ReportDimension d) => d is ReportDimension.Day or ReportDimension.Hour or ReportDimension.Week or ReportDimension.Month;

    /// <summary>Dimensions whose values are entity ids (campaign, stream, offer, offer group, network).</summary>
    public static bool IsId(ReportDimension d) => d is ReportDimension.Campaign or ReportDimension.Stream or ReportDimension.Offer
        or ReportDimension.OfferGroup or ReportDimension.AffiliateNetwork;

    /// <summary>Traffic-source parameters read from the click's parameters (source, keyword, sub_id_1…5).</summary>
    public static bool IsTrafficParameter(ReportDimension d) => d is ReportDimension.Source or ReportDimension.Keyword
        or ReportDimension.SubId1 or ReportDimension.SubId2 or ReportDimension.SubId3 or ReportDimension.SubId4 or ReportDimension.SubId5;

    private static bool Find<T, TResult>(IEnumerable<T> items, Func<T, bool> match, Func<T, TResult> pick, out TResult result)
    {
        foreach (var item in items)
        {
            if (!match(item)) continue;
            result = pick(item);
            return true;
        }
        result = default!;
        return false;
    }
}
