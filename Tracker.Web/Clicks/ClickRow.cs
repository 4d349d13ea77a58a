using Tracker.Core.Clicks;
using Tracker.Core.Conversions;

namespace Tracker.Web.Clicks;

/// <summary>A click as a list row, with the names of what it refers to (null when since deleted).</summary>
public sealed record ClickRow(
    long Id, string SubId, DateTime CreatedAt,
    int CampaignId, string? CampaignName,
    int? StreamId, string? StreamName,
    int? OfferId, string? OfferName,
    string Country, string Ip, bool IsUnique, long RevenueMicros, BotReason BotReason = BotReason.None,
    ConversionStatus? ConversionStatus = null, long ConversionRevenueMicros = 0)
{
    public bool IsBot => BotReason != BotReason.None;

    /// <summary>
    /// What the click earned, as reports count it: its CPC revenue plus its conversion's confirmed
    /// revenue (a sale with its rebills). A lead's payout is on hold and a rejected conversion earns nothing.
    /// </summary>
    public long EarnedMicros => RevenueMicros + (ConversionStatus == Tracker.Core.Conversions.ConversionStatus.Sale ? ConversionRevenueMicros : 0);

    /// <summary>A lead's payout, not yet confirmed (0 otherwise).</summary>
    public long OnHoldMicros => ConversionStatus == Tracker.Core.Conversions.ConversionStatus.Lead ? ConversionRevenueMicros : 0;
}
