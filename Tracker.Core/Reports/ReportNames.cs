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
