namespace Tracker.Core.Conversions;

/// <summary>What the tracker did with a received postback.</summary>
public enum PostbackOutcome
{
    Created = 0,
    StatusChanged = 1,
    RebillAdded = 2,
    DuplicateIgnored = 3,
    UnknownSubId = 4,
    TransitionNotAllowed = 5,
    IgnoredStatus = 6,
    Malformed = 7,
    Forbidden = 8,
    Failed = 9,
    /// <summary>The postback came from an address outside its network's postback IP allow-list.</summary>
    AddressNotAllowed = 10,
}
