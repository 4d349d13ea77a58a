namespace Tracker.Core.Clicks;

/// <summary>A seeded generator for reproducible tests and benchmarks; not thread-safe.</summary>
public sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
}
