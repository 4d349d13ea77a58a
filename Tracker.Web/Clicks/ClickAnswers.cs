using System.Collections.Concurrent;

namespace Tracker.Web.Clicks;

/// <summary>
/// The answers of one committed batch, handed from the click writer to the thread pool in a few work
/// items instead of one per click: each work item completes its clicks in turn, and every click's
/// request goes on (its response is written) right there. Under load a batch holds tens of clicks,
/// and one wake-up of a pool thread per click cost more than the click's own insert.
/// </summary>
internal sealed class ClickAnswers : IThreadPoolWorkItem
{
    private static readonly ConcurrentQueue<ClickAnswers> Pool = new();

    // A chunk no smaller than this goes to its own pool thread; fewer clicks are answered in one go.
    private const int MinChunk = 8;

    private readonly List<(PendingClick Click, bool Stored)> _answers = new(64);

    public int Count => _answers.Count;

    public void Add(PendingClick click, bool stored) => _answers.Add((click, stored));

    /// <summary>
    /// Hands every answer in <paramref name="answers"/> to the thread pool, split across up to one work
    /// item per processor, and leaves <paramref name="answers"/> empty.
    /// </summary>
    public static void Dispatch(ClickAnswers answers)
    {
        var count = answers.Count;
        if (count == 0) return;
        var chunks = Math.Clamp(count / MinChunk, 1, Environment.ProcessorCount);
        var size = (count + chunks - 1) / chunks;
        for (var start = 0; start < count; start += size)
        {
            var chunk = Rent();
            var end = Math.Min(start + size, count);
            for (var i = start; i < end; i++) chunk._answers.Add(answers._answers[i]);
            ThreadPool.UnsafeQueueUserWorkItem(chunk, preferLocal: false);
        }
        answers._answers.Clear();
    }

    private static ClickAnswers Rent() => Pool.TryDequeue(out var answers) ? answers : new ClickAnswers();

    public void Execute()
    {
        foreach (var (click, stored) in _answers) click.Complete(stored);
        _answers.Clear();
        if (_answers.Capacity <= 1024) Pool.Enqueue(this);
    }
}
