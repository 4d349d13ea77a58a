using Tracker.Web.Live;

namespace Tracker.Web.Clicks;

/// <summary>
/// Tells live views that clicks were stored without flooding them and without running subscriber
/// code on the click path: commits only note the newest id, and a timer publishes one
/// <see cref="ChangeNotice.Click"/> (carrying that id) at most every <see cref="Interval"/>.
/// </summary>
internal sealed class ClickNoticeThrottle(ChangeFeed changes)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private long _newestId;
    private long _publishedId;
    private bool _flushScheduled;

    /// <summary>Clicks up to <paramref name="newestId"/> are committed; announced within <see cref="Interval"/>.</summary>
    public void Committed(long newestId)
    {
        lock (_gate)
        {
            if (newestId > _newestId) _newestId = newestId;
            if (_flushScheduled) return;
            _flushScheduled = true;
        }
        _ = PublishLaterAsync();
    }

    /// <summary>Publishes at once anything not yet announced (at shutdown).</summary>
    public void Flush() => Publish();

    private async Task PublishLaterAsync()
    {
        await Task.Delay(Interval);
        lock (_gate) _flushScheduled = false;
        Publish();
    }

    private void Publish()
    {
        long id;
        lock (_gate)
        {
            if (_newestId <= _publishedId) return;
            id = _publishedId = _newestId;
        }
        changes.Publish(new ChangeNotice(ChangeNotice.Click, id, 0));
    }
}
