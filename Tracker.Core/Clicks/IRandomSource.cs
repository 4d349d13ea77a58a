namespace Tracker.Core.Clicks;

/// <summary>Where weighted choices get their randomness; tests inject a seeded or scripted one.</summary>
public interface IRandomSource
{
    /// <summary>A number in <c>[0, maxExclusive)</c>.</summary>
    int Next(int maxExclusive);
}
