namespace Tracker.Core.Campaigns;

/// <summary>An offer in a stream's rotation with its relative share.</summary>
public sealed class StreamOffer
{
    public int OfferId { get; set; }

    public int Share { get; set; } = 100;
}
