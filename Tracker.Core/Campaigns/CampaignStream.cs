using Tracker.Core.Offers;

namespace Tracker.Core.Campaigns;

/// <summary>One routing rule of a campaign.</summary>
public sealed class CampaignStream
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>Order within the campaign (0-based).</summary>
    public int Position { get; set; }

    public string Name { get; set; } = "";

    public StreamType Type { get; set; } = StreamType.Regular;

    public int Weight { get; set; } = 100;

    public ItemState State { get; set; } = ItemState.Active;

    public List<StreamFilter> Filters { get; set; } = [];

    public StreamAction Action { get; set; } = StreamAction.Offers;

    public string ActionPayload { get; set; } = "";

    public List<StreamOffer> Offers { get; set; } = [];
}
