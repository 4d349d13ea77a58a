using Microsoft.Extensions.Logging.Abstractions;
using Tracker.Web.Reports;

namespace Tracker.Tests.Unit;

/// <summary>Reports run where they cannot take a core from the click path: on threads at nice 19.</summary>
public sealed class LowPriorityWorkTests
{
    [Fact]
    public async Task WorkRunsOnAThreadAtTheLowestPriorityAndItsResultComesBack()
    {
        Assert.True(OperatingSystem.IsLinux(), "the tracker runs on Linux; this test reads the thread's nice value from /proc");
        using var work = new LowPriorityWork(NullLogger<LowPriorityWork>.Instance);
        var ct = TestContext.Current.CancellationToken;

        var (nice, thread) = await work.RunAsync(() => (ThreadNice(), Thread.CurrentThread.Name), ct);

        Assert.Equal(19, nice);
        Assert.StartsWith("Reports", thread);
        Assert.Equal(0, ThreadNice()); // the caller's own thread is untouched
    }

    [Fact]
    public async Task AFailureReachesTheCallerAndTheThreadsKeepWorking()
    {
        using var work = new LowPriorityWork(NullLogger<LowPriorityWork>.Instance);
        var ct = TestContext.Current.CancellationToken;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => work.RunAsync<int>(() => throw new InvalidOperationException("bad report"), ct));
        Assert.Equal("bad report", failure.Message);
        Assert.Equal(42, await work.RunAsync(() => 42, ct));
    }

    // Field 19 of /proc/thread-self/stat (after the parenthesised command name) is the nice value.
    private static int ThreadNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
