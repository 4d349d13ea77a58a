using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;
using Tracker.Core.Clicks;

namespace Tracker.Web.Clicks;

/// <summary>
/// Hands clicks from requests to the click writer's thread. A request adds its click under a short
/// lock and wakes the writer only when it sleeps; the writer takes everything queued at once (its
/// batch) and sleeps on the lock's condition when there is nothing, without spinning: on a small VPS
/// a spinning writer takes CPU from the requests it waits for.
/// </summary>
/// <remarks>Bounded: when <c>capacity</c> clicks wait, further requests wait (asynchronously) for room.</remarks>
internal sealed class ClickQueue(int capacity)
{
    private readonly object _gate = new();
    private List<PendingClick> _incoming = new(Math.Min(capacity, 1024));
    private bool _writerAsleep;
    private bool _closed;
    private TaskCompletionSource? _room;

    /// <summary>Queues the click; false when the queue is closed (shutting down, or the writer failed).</summary>
    public ValueTask<bool> AddAsync(PendingClick pending)
    {
        lock (_gate)
        {
            if (_closed) return ValueTask.FromResult(false);
            if (_incoming.Count < capacity)
            {
                _incoming.Add(pending);
                if (_writerAsleep) WakeWriter();
                return ValueTask.FromResult(true);
            }
        }
        return AddWhenRoomAsync(pending);
    }

    private async ValueTask<bool> AddWhenRoomAsync(PendingClick pending)
    {
        while (true)
        {
            Task room;
            lock (_gate)
            {
                if (_closed) return false;
                if (_incoming.Count < capacity)
                {
                    _incoming.Add(pending);
                    if (_writerAsleep) WakeWriter();
                    return true;
                }
                room = (_room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
            await room;
        }
    }

    /// <summary>
    /// Blocks until clicks are queued and returns up to <paramref name="max"/> of them, handing
    /// <paramref name="empty"/> over as the next queue (two lists take turns, nothing is allocated).
    /// Null once the queue is closed and empty.
    /// </summary>
    public List<PendingClick>? Take(List<PendingClick> empty, int max)
    {
        lock (_gate)
        {
            while (_incoming.Count == 0)
            {
                if (_closed) return null;
                _writerAsleep = true;
                Monitor.Wait(_gate);
            }
            List<PendingClick> taken;
            if (_incoming.Count <= max)
            {
                taken = _incoming;
                _incoming = empty;
            }
            else
            {
                empty.AddRange(_incoming.GetRange(0, max));
                _incoming.RemoveRange(0, max);
                taken = empty;
            }
            if (_room is { } room)
            {
                _room = null;
                room.TrySetResult();
            }
            return taken;
        }
    }

    /// <summary>No more clicks are accepted; the writer takes what is queued, then <see cref="Take"/> returns null.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            WakeWriter();
            _room?.TrySetResult();
            _room = null;
        }
    }

    /// <summary>Closes the queue and returns what is still in it (for a writer that failed).</summary>
    public List<PendingClick> CloseAndDrain()
    {
        lock (_gate)
        {
            Close();
            var rest = _incoming;
            _incoming = [];
            return rest;
        }
    }

    // Called under _gate: the writer is either waiting on it or will see the queued click before it would wait.
    private void WakeWriter()
    {
        _writerAsleep = false;
        Monitor.Pulse(_gate);
    }
}

/// <summary>
/// One click waiting for its commit. Pooled and awaited as a <see cref="ValueTask{TResult}"/>, so a
/// click costs no task, no completion source and no finalizable object; continuations run on the
/// thread pool, never on the writer's thread.
/// </summary>
internal sealed class PendingClick : IValueTaskSource<bool>
{
    private static readonly ConcurrentQueue<PendingClick> Pool = new();
    private static int _pooled;
    private const int MaxPooled = 4096;

    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private int _completed;

    public Click Click { get; private set; } = null!;

    public static PendingClick Rent(Click click)
    {
        if (Pool.TryDequeue(out var pending)) Interlocked.Decrement(ref _pooled);
        else pending = new PendingClick();
        pending.Click = click;
        return pending;
    }

    public ValueTask<bool> Stored => new(this, _core.Version);

    /// <summary>Completes the click once; later calls are ignored (a failing batch may answer clicks already answered).</summary>
    public void Complete(bool stored)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0) _core.SetResult(stored);
    }

    public bool GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
            _completed = 0;
            Click = null!;
            if (Interlocked.Increment(ref _pooled) <= MaxPooled) Pool.Enqueue(this);
            else Interlocked.Decrement(ref _pooled);
        }
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
