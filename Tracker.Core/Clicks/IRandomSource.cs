namespace Tracker.Core.Clicks;

/// <summary>Where weighted choices get their randomness; tests inject a seeded or scripted one.</summary>
public interface IRandomSource
{
    /// <summary>A number in <c>[0, maxExclusive)</c>.</summary>
    int Next(int maxExclusive);
}

/// <summary>The thread-safe shared generator: rotation needs spread, not secrecy.</summary>
public sealed class SharedRandomSource : IRandomSource
{
    public static readonly SharedRandomSource Instance = new();

    public int Next(int maxExclusive) => Random.Shared.Next(maxExclusive);
}

/// <summary>A seeded generator for reproducible tests and benchmarks; not thread-safe.</summary>
public sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
}
