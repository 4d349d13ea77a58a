namespace Tracker.Core.Reports;

/// <summary>What a report can group and filter by. API names in <see cref="ReportNames"/>.</summary>
public enum ReportDimension
{
    Day, Hour, Week, Month,
    Campaign, Stream, Offer, OfferGroup, AffiliateNetwork, Country,
    Source, Keyword, SubId1, SubId2, SubId3, SubId4, SubId5,
}
