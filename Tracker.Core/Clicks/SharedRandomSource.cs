namespace Tracker.Core.Clicks;

/// <summary>The thread-safe shared generator: rotation needs spread, not secrecy.</summary>
public sealed class SharedRandomSource : IRandomSource
{
    public static readonly SharedRandomSource Instance = new();

    public int Next(int maxExclusive) => Random.Shared.Next(maxExclusive);
}
