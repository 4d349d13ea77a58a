namespace Tracker.Core.Campaigns;

/// <summary>What the validator needs to know about the rest of the tracker.</summary>
/// <param name="AliasTaken">True when another campaign already uses the alias.</param>
/// <param name="OfferExists">True when the offer id exists (any state).</param>
public sealed record CampaignReferences(Func<string, bool> AliasTaken, Func<int, bool> OfferExists)
{
    public static readonly CampaignReferences None = new(_ => false, _ => true);
}
