namespace Tracker.Core.Validation;

/// <summary>
/// An item saved with optimistic concurrency: an edit names the <see cref="Version"/> it started from, and
/// a save over a newer version is a conflict that overwrites nothing.
/// </summary>
public interface IVersioned
{
    int Id { get; }

    /// <summary>1 when created, one more with every save.</summary>
    int Version { get; set; }
}
