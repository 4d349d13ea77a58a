using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;
using Tracker.Core.Clicks;

namespace Tracker.Web.Clicks;

/// <summary>
/// Hands clicks from requests to the click writer's thread. A request adds its click to a lock-free
/// queue and signals the writer only when the writer has said it is going to sleep; the writer takes
/// up to a batch at a time and sleeps on an event when there is nothing, without spinning: on a small
/// VPS a spinning writer takes CPU from the requests it waits for, and a lock shared with every request
/// makes them queue behind each other and behind the writer's wake-up.
/// </summary>
/// <remarks>
/// Bounded: when <c>capacity</c> clicks wait, further requests wait (asynchronously) for room. Once the
/// writer has stopped, a click that still slips in is refused by the request that added it.
/// </remarks>
internal sealed class ClickQueue(int capacity)
{
    private readonly ConcurrentQueue<PendingClick> _queue = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly Lock _roomGate = new();
    private TaskCompletionSource? _room;
    private int _count;
    private int _writerAsleep;
    private int _closed;
    private int _stopped;
    private int _poked;

    /// <summary>Queues the click; false when the queue is closed (shutting down, or the writer failed).</summary>
    public ValueTask<bool> AddAsync(PendingClick pending) =>
        TryAdd(pending) is { } added ? ValueTask.FromResult(added) : AddWhenRoomAsync(pending);

    // True: queued; false: refused; null: full.
    private bool? TryAdd(PendingClick pending)
    {
        if (Volatile.Read(ref _closed) != 0) return false;
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Decrement(ref _count);
            return null;
        }
        _queue.Enqueue(pending);
        if (Interlocked.Exchange(ref _writerAsleep, 0) == 1) _wake.Set();
        // The writer may have stopped between the check above and the enqueue: then nobody else will
        // ever answer what is left, so the request does (every click is answered once, see PendingClick).
        if (Interlocked.CompareExchange(ref _stopped, 0, 0) != 0) RefuseLeftovers();
        return true;
    }

    private async ValueTask<bool> AddWhenRoomAsync(PendingClick pending)
    {
        while (true)
        {
            Task room;
            lock (_roomGate) room = (_room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            if (TryAdd(pending) is { } added) return added;
            await room;
        }
    }

    /// <summary>
    /// Blocks until clicks are queued and moves up to <paramref name="max"/> of them into
    /// <paramref name="batch"/>. False once the queue is closed and empty.
    /// </summary>
    public bool Take(List<PendingClick> batch, int max) => Take(batch, max, Timeout.Infinite);

    /// <summary>As <see cref="Take(List{PendingClick}, int)"/>, but returns true with an empty batch when nothing came within <paramref name="timeoutMs"/>.</summary>
    public bool Take(List<PendingClick> batch, int max, int timeoutMs)
    {
        while (true)
        {
            while (batch.Count < max && _queue.TryDequeue(out var pending)) batch.Add(pending);
            if (batch.Count > 0)
            {
                Interlocked.Add(ref _count, -batch.Count);
                if (Volatile.Read(ref _room) is not null) OpenRoom();
                return true;
            }
            if (Volatile.Read(ref _closed) != 0) return false;
            if (Interlocked.Exchange(ref _poked, 0) == 1) return true;
            // Say we sleep, then look once more: a click added before the flag was set is seen here,
            // one added after it finds the flag and sets the event.
            Interlocked.Exchange(ref _writerAsleep, 1);
            if (!_queue.IsEmpty || Volatile.Read(ref _closed) != 0 || Volatile.Read(ref _poked) != 0)
            {
                Interlocked.Exchange(ref _writerAsleep, 0);
                continue;
            }
            if (!_wake.WaitOne(timeoutMs))
            {
                Interlocked.Exchange(ref _writerAsleep, 0);
                return true;
            }
        }
    }

    /// <summary>Wakes the writer without a click: <see cref="Take(List{PendingClick}, int, int)"/> returns (with what is queued, maybe nothing).</summary>
    public void Poke()
    {
        Interlocked.Exchange(ref _poked, 1);
        if (Interlocked.Exchange(ref _writerAsleep, 0) == 1) _wake.Set();
    }

    /// <summary>No more clicks are accepted; the writer takes what is queued, then <see cref="Take(List{PendingClick}, int)"/> returns false.</summary>
    public void Close()
    {
        Interlocked.Exchange(ref _closed, 1);
        _wake.Set();
        OpenRoom();
    }

    /// <summary>The writer is gone: refuse everything still queued, now and whenever a late click slips in.</summary>
    public void Stopped()
    {
        Close();
        Interlocked.Exchange(ref _stopped, 1);
        RefuseLeftovers();
    }

    private void RefuseLeftovers()
    {
        while (_queue.TryDequeue(out var pending)) pending.Complete(false);
    }

    private void OpenRoom()
    {
        TaskCompletionSource? room;
        lock (_roomGate)
        {
            room = _room;
            _room = null;
        }
        room?.TrySetResult();
    }
}
