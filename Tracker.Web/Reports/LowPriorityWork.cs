using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Tracker.Web.Reports;

/// <summary>
/// Runs report queries on threads of their own at the lowest CPU priority (nice 19 on Linux), so a
/// report that scans for a second never takes a core from a visitor's click: the kernel hands the
/// core back to the click path the moment it needs it, and reports use what is left over. On a
/// small VPS with two cores this keeps click latency flat while reports run.
/// </summary>
/// <remarks>
/// Report SQL through Microsoft.Data.Sqlite completes synchronously (its async methods do not yield),
/// so running it here costs no thread-pool thread either. Where the priority cannot be lowered (not
/// Linux), the work runs on these threads at normal priority.
/// </remarks>
public sealed class LowPriorityWork : IDisposable
{
    private const int Nice = 19;
    private readonly BlockingCollection<Action> _queue = new();
    private readonly Thread[] _threads;

    public LowPriorityWork(ILogger<LowPriorityWork> logger, int threads = 2)
    {
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(() => Run(logger)) { IsBackground = true, Name = $"Reports {i + 1}" };
            _threads[i].Start();
        }
    }

    private long _allocated;

    /// <summary>
    /// Managed bytes the work allocated on these threads so far (bench/ReportAlloc prints it): a
    /// collection starts on the thread whose allocation crosses the budget, and one started here runs at
    /// this thread's low priority while every other thread waits, so these threads should allocate little.
    /// </summary>
    public long AllocatedBytes => Interlocked.Read(ref _allocated);

    /// <summary>True when the threads run at lowered priority (for the log and the benchmark notes).</summary>
    public bool Lowered { get; private set; }

    /// <summary>Runs <paramref name="work"/> on a low-priority thread.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken ct)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (ct.IsCancellationRequested) return Task.FromCanceled<T>(ct);
        _queue.Add(() =>
        {
            if (ct.IsCancellationRequested)
            {
                done.TrySetCanceled(ct);
                return;
            }
            try
            {
                done.TrySetResult(work());
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                done.TrySetCanceled(ct);
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        }, CancellationToken.None);
        return done.Task;
    }

    private void Run(ILogger logger)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                Lowered = setpriority(PrioProcess, gettid(), Nice) == 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                logger.LogWarning(ex, "Report threads run at normal priority: lowering it is not available here");
            }
        }
        try
        {
            foreach (var work in _queue.GetConsumingEnumerable())
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                work();
                Interlocked.Add(ref _allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }
        catch (ObjectDisposedException)
        {
            // shutting down
        }
    }

    public void Dispose() => _queue.CompleteAdding();

    private const int PrioProcess = 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    private static extern int gettid();
}
