using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Tracker.Core.Clicks;

/// <summary>
/// The routing decision of one click in plain sentences (streams tried, the filter that said no,
/// the offer chosen and why), stored with the click so the admin can see why a visitor went where.
/// </summary>
/// <remarks>
/// Sentences are written into one reused character buffer, interpolated sentences included (through
/// <see cref="TraceLineHandler"/>), so a click's trace costs no string per sentence: the click writer
/// reads the sentences back as spans. <see cref="Rent"/> and <see cref="Return"/> reuse whole traces.
/// </remarks>
public sealed class DecisionTrace
{
    private static readonly ConcurrentQueue<DecisionTrace> Pool = new();
    private static int _pooled;
    private const int MaxPooled = 4096;
    private const int MaxKeptBuffer = 16 * 1024;

    private char[] _text = [];
    private int _length;
    private int[] _ends = new int[8];
    private int _count;

    /// <summary>A trace from the pool (or a new one), empty.</summary>
    public static DecisionTrace Rent()
    {
        if (!Pool.TryDequeue(out var trace)) return new DecisionTrace();
        Interlocked.Decrement(ref _pooled);
        return trace;
    }

    /// <summary>Empties the trace and gives it back to the pool; it must not be used afterwards.</summary>
    public static void Return(DecisionTrace trace)
    {
        trace.Clear();
        if (trace._text.Length > MaxKeptBuffer)
        {
            ArrayPool<char>.Shared.Return(trace._text);
            trace._text = [];
        }
        if (Interlocked.Increment(ref _pooled) <= MaxPooled) Pool.Enqueue(trace);
        else Interlocked.Decrement(ref _pooled);
    }

    /// <summary>How many sentences the trace holds.</summary>
    public int Count => _count;

    /// <summary>Sentence <paramref name="index"/>, without copying it.</summary>
    public ReadOnlySpan<char> Line(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        var start = index == 0 ? 0 : _ends[index - 1];
        return _text.AsSpan(start, _ends[index] - start);
    }

    /// <summary>The sentences as strings (a copy).</summary>
    public IReadOnlyList<string> Lines => ToList();

    public void Add(string sentence)
    {
        Append(sentence);
        EndLine();
    }

    /// <summary>An interpolated sentence, written straight into the trace's buffer.</summary>
    public void Add([InterpolatedStringHandlerArgument("")] ref TraceLineHandler sentence) => EndLine();

    public void AddRange(IEnumerable<string> sentences)
    {
        foreach (var sentence in sentences) Add(sentence);
    }

    /// <summary>A copy for storing on the click.</summary>
    public List<string> ToList()
    {
        var lines = new List<string>(_count);
        for (var i = 0; i < _count; i++) lines.Add(Line(i).ToString());
        return lines;
    }

    private void Clear()
    {
        _length = 0;
        _count = 0;
    }

    internal void Append(ReadOnlySpan<char> text)
    {
        if (text.TryCopyTo(_text.AsSpan(_length)))
        {
            _length += text.Length;
            return;
        }
        Grow(text.Length);
        text.CopyTo(_text.AsSpan(_length));
        _length += text.Length;
    }

    internal Span<char> Free => _text.AsSpan(_length);

    internal void Advance(int written) => _length += written;

    internal void Grow(int atLeast)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(Math.Max(_text.Length * 2, _length + atLeast), 512));
        _text.AsSpan(0, _length).CopyTo(bigger);
        if (_text.Length > 0) ArrayPool<char>.Shared.Return(_text);
        _text = bigger;
    }

    private void EndLine()
    {
        if (_count == _ends.Length) Array.Resize(ref _ends, _ends.Length * 2);
        _ends[_count++] = _length;
    }
}
