using System.Collections.Concurrent;

namespace Tracker.Web.Reports;

/// <summary>
/// Lets a report see every click answered before it started, although the click writer adds clicks to
/// the rollups only a few times a second (<see cref="ClickRollupWriter"/>): a report first asks the
/// writer to write what it holds, which costs nothing when it holds nothing.
/// </summary>
public sealed class PendingRollups
{
    // Long enough for any write; a writer that cannot write in that time has failed, and the report
    // then runs on what the rollups hold (the writer's failure is on /health and in the log).
    private static readonly TimeSpan MostWait = TimeSpan.FromSeconds(5);

    private readonly ConcurrentQueue<TaskCompletionSource> _waiting = new();
    private volatile bool _holding;
    private volatile Action? _wake;

    /// <summary>Completes once every click committed so far is in the rollups.</summary>
    public async Task WrittenAsync(CancellationToken ct)
    {
        if (!_holding || _wake is not { } wake) return;
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Enqueue(written);
        // Written in between: nobody would answer this one until the next write.
        if (!_holding) Release();
        else wake();
        try
        {
            await written.Task.WaitAsync(MostWait, ct);
        }
        catch (TimeoutException)
        {
        }
    }

    // The writer's side.

    /// <summary>The writer starts: <paramref name="wake"/> wakes it when a report asks.</summary>
    internal void Attach(Action wake) => _wake = wake;

    /// <summary>The writer stopped: nobody waits for it any more.</summary>
    internal void Detach()
    {
        _wake = null;
        _holding = false;
        Release();
    }

    /// <summary>True while a report waits.</summary>
    internal bool Asked => !_waiting.IsEmpty;

    /// <summary>Says whether the writer holds committed clicks that are not in the rollups; set before their requests are answered.</summary>
    internal void Holding(bool holding)
    {
        _holding = holding;
        if (!holding) Release();
    }

    /// <summary>Lets every waiting report go on (with what the rollups hold).</summary>
    internal void Release()
    {
        while (_waiting.TryDequeue(out var written)) written.TrySetResult();
    }
}
