using Tracker.Core.Campaigns;

namespace Tracker.Web.Clicks;

/// <summary>One campaign ready for clicks.</summary>
public sealed class CampaignRoute(Campaign campaign)
{
    public Campaign Campaign { get; } = campaign;

    public StreamSelector Streams { get; } = new(campaign.Streams);

    public string Label { get; } = $"\"{campaign.Name}\" (#{campaign.Id})";
}
