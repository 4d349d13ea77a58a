namespace Tracker.Web.Data;

/// <summary>Whether the tracker can write its database, and if not since when and why.</summary>
/// <param name="Problem">Null while writes succeed; otherwise what is wrong, in words.</param>
/// <param name="ClicksWaiting">Clicks answered (the visitor was sent on) but not yet written: kept in memory until the disk takes them.</param>
/// <param name="ClicksDropped">Clicks that did not fit in memory while the disk refused writes: the visitor was sent on, the click is not recorded.</param>
public sealed record StorageStatus(string? Problem, DateTime? Since, int ClicksWaiting, long ClicksDropped)
{
    public static readonly StorageStatus Healthy = new(null, null, 0, 0);

    public bool IsHealthy => Problem is null;
}
