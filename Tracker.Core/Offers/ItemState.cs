namespace Tracker.Core.Offers;

/// <summary>Whether a catalogue item (offer, network, campaign, stream) is in use or put away.</summary>
public enum ItemState
{
    Active = 0,
    Archived = 1,
}
