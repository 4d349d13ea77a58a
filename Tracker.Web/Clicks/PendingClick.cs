using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;
using Tracker.Core.Clicks;

namespace Tracker.Web.Clicks;

/// <summary>
/// One click waiting for its commit. Pooled and awaited as a <see cref="ValueTask{TResult}"/>, so a
/// click costs no task, no completion source and no finalizable object. Its continuation runs on the
/// thread that completes it: the writer completes clicks only through <see cref="ClickAnswers"/>, on
/// the thread pool, never on its own thread.
/// </summary>
internal sealed class PendingClick : IValueTaskSource<bool>
{
    private static readonly ConcurrentQueue<PendingClick> Pool = new();
    private static int _pooled;
    private const int MaxPooled = 4096;

    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = false };
    private int _completed;

    public Click Click { get; private set; } = null!;

    /// <summary>The click's decision trace from the pool, when the request handed it over; returned to the pool once the click is answered.</summary>
    public DecisionTrace? Trace { get; private set; }

    public static PendingClick Rent(Click click, DecisionTrace? trace = null)
    {
        if (Pool.TryDequeue(out var pending)) Interlocked.Decrement(ref _pooled);
        else pending = new PendingClick();
        pending.Click = click;
        pending.Trace = trace;
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
            if (Trace is { } trace) DecisionTrace.Return(trace);
            Trace = null;
            if (Interlocked.Increment(ref _pooled) <= MaxPooled) Pool.Enqueue(this);
            else Interlocked.Decrement(ref _pooled);
        }
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
