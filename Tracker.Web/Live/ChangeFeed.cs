namespace Tracker.Web.Live;

/// <summary>
/// The singleton through which every save (UI or API) tells every open admin tab what changed.
/// Components subscribe after first render, marshal with InvokeAsync and dispose on teardown.
/// </summary>
public sealed class ChangeFeed(ILogger<ChangeFeed> logger)
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    public IDisposable Subscribe(Func<ChangeNotice, Task> handler)
    {
        var subscription = new Subscription(this, handler);
        lock (_gate) _subscribers = _subscribers.Add(subscription);
        return subscription;
    }

    /// <summary>Delivers to every subscriber; a failing subscriber never affects the publisher.</summary>
    public void Publish(ChangeNotice notice)
    {
        foreach (var s in _subscribers.Items)
            _ = DeliverAsync(s, notice);
    }

    private async Task DeliverAsync(Subscription s, ChangeNotice notice)
    {
        try
        {
            await s.Handler(notice);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live-update subscriber failed on {Kind} {Id}", notice.Kind, notice.Id);
        }
    }

    private void Remove(Subscription s)
    {
        lock (_gate) _subscribers = _subscribers.Remove(s);
    }

    private sealed class Subscription(ChangeFeed feed, Func<ChangeNotice, Task> handler) : IDisposable
    {
        public Func<ChangeNotice, Task> Handler { get; } = handler;
        public void Dispose() => feed.Remove(this);
    }

    private sealed record ImmutableSubscribers(Subscription[] Items)
    {
        public static readonly ImmutableSubscribers Empty = new([]);
        public ImmutableSubscribers Add(Subscription s) => new([.. Items, s]);
        public ImmutableSubscribers Remove(Subscription s) => new(Items.Where(x => x != s).ToArray());
    }
}
