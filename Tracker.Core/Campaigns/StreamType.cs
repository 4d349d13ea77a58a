namespace Tracker.Core.Campaigns;

public enum StreamType
{
    /// <summary>Tried first, in order; the first whose filters match wins.</summary>
    Forced = 0,
    /// <summary>Weighted among those whose filters match.</summary>
    Regular = 1,
    /// <summary>Used when no forced or regular stream matched.</summary>
    Default = 2,
}
