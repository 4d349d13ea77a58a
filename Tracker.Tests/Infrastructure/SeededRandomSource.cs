using Tracker.Core.Clicks;

namespace Tracker.Tests.Infrastructure;

/// <summary>A seeded generator for reproducible tests; not thread-safe.</summary>
public sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
}
