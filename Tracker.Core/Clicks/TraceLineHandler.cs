using System.Runtime.CompilerServices;

namespace Tracker.Core.Clicks;

/// <summary>Writes an interpolated sentence into a <see cref="DecisionTrace"/>'s buffer (formatted as string interpolation would, in the current culture).</summary>
[InterpolatedStringHandler]
public readonly ref struct TraceLineHandler
{
    private readonly DecisionTrace _trace;

    public TraceLineHandler(int literalLength, int formattedCount, DecisionTrace trace)
    {
        _trace = trace;
        var needed = literalLength + formattedCount * 16;
        if (trace.Free.Length < needed) trace.Grow(needed);
    }

    public void AppendLiteral(string value) => _trace.Append(value);

    public void AppendFormatted(string? value) => _trace.Append(value);

    public void AppendFormatted(ReadOnlySpan<char> value) => _trace.Append(value);

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        // The casts as DefaultInterpolatedStringHandler writes them, which the JIT compiles without boxing.
        if (value is ISpanFormattable)
        {
            int written;
            while (!((ISpanFormattable)value).TryFormat(_trace.Free, out written, format, null)) _trace.Grow(_trace.Free.Length + 64);
            _trace.Advance(written);
            return;
        }
        _trace.Append(value is IFormattable ? ((IFormattable)value).ToString(format, null) : value?.ToString());
    }
}
