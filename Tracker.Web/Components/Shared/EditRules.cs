namespace Tracker.Web.Components.Shared;

/// <summary>How one kind of edited thing is copied, compared and merged; given once per editor.</summary>
/// <param name="Copy">A detached copy (edits to it never reach the original).</param>
/// <param name="Differences">The labels of the fields that differ between two versions, for people.</param>
/// <param name="Reapply">"Overwrite": (mine, original, theirs) → their version with only the fields I changed since original laid on top.</param>
/// <param name="Version">The stored version number.</param>
public sealed record EditRules<T>(Func<T, T> Copy, Func<T, T, IReadOnlyList<string>> Differences, Func<T, T, T, T> Reapply, Func<T, int> Version);
