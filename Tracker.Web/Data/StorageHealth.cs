using Tracker.Web.Live;

namespace Tracker.Web.Data;

/// <summary>
/// What the click and postback writers last saw of the disk. A full, read-only or failing disk
/// does not stop the tracker: visitors are still sent on (their clicks wait in memory), postbacks
/// are answered 503 so networks retry, the admin shows an alert and <c>/health</c> answers 503 —
/// and the first write that succeeds again clears it, without a restart.
/// </summary>
public sealed class StorageHealth(ChangeFeed changes, TimeProvider clock, ILogger<StorageHealth> logger)
{
    /// <summary>The change-notice kind sent when the status changes (the admin's alert listens).</summary>
    public const string NoticeKind = "storage";

    private readonly Lock _gate = new();
    private volatile StorageStatus _current = StorageStatus.Healthy;

    public StorageStatus Current => _current;

    /// <summary>A write failed because of the disk.</summary>
    public void Failed(string problem, int clicksWaiting = -1, long clicksDropped = -1)
    {
        StorageStatus before, after;
        lock (_gate)
        {
            before = _current;
            after = new StorageStatus(problem, before.Since ?? clock.GetUtcNow().UtcDateTime,
                clicksWaiting >= 0 ? clicksWaiting : before.ClicksWaiting, clicksDropped >= 0 ? clicksDropped : before.ClicksDropped);
            _current = after;
        }
        if (before.IsHealthy)
            logger.LogCritical("Writing to the database fails: {Problem}. Visitors are still sent on and their clicks kept in memory; postbacks are answered 503 so networks retry. Tracker recovers by itself once the disk takes writes again", problem);
        if (before != after) Notify();
    }

    /// <summary>A write succeeded: the disk takes writes again (clicks that waited are written by then).</summary>
    public void Recovered()
    {
        StorageStatus before;
        lock (_gate)
        {
            before = _current;
            if (before.IsHealthy) return;
            _current = StorageStatus.Healthy with { ClicksDropped = 0 };
        }
        logger.LogWarning("The database takes writes again after {Problem} since {Since:u}; {Dropped} clicks could not be kept meanwhile",
            before.Problem, before.Since, before.ClicksDropped);
        Notify();
    }

    /// <summary>
    /// A writer's thread has ended: nothing is written until the tracker is restarted, so <c>/health</c>
    /// and the admin say so (the writer itself logs why). Stays until the restart.
    /// </summary>
    public void WriterStopped(string problem)
    {
        lock (_gate) _current = new StorageStatus(problem, _current.Since ?? clock.GetUtcNow().UtcDateTime, _current.ClicksWaiting, _current.ClicksDropped);
        Notify();
    }

    // Subscribers never run on a writer's thread.
    private void Notify() =>
        ThreadPool.UnsafeQueueUserWorkItem(static feed => feed.Publish(new ChangeNotice(NoticeKind, 0, 1)), changes, preferLocal: false);
}
