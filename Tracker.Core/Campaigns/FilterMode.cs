namespace Tracker.Core.Campaigns;

public enum FilterMode
{
    Include = 0,
    Exclude = 1,
}
