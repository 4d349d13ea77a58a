namespace Tracker.Web.Reports;

/// <summary>The fixed dimensions of a rollup row (ids 0 for none).</summary>
public readonly record struct RollupKey(long Bucket, int CampaignId, int StreamId, int OfferId, int AffiliateNetworkId, string Country)
{
    public static RollupKey Of(long bucket, int campaignId, int? streamId, int? offerId, int? networkId, string country) =>
        new(bucket, campaignId, streamId ?? 0, offerId ?? 0, networkId ?? 0, country);

    public RollupKey At(long bucket) => this with { Bucket = bucket };
}
