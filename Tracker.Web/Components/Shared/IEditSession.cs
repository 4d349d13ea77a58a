namespace Tracker.Web.Components.Shared;

/// <summary>What <see cref="ConflictBanner"/> needs to know about an edit session, whatever is edited.</summary>
public interface IEditSession
{
    bool IsDirty { get; }

    /// <summary>A newer saved version exists and the user has edits: they must choose Reload or Overwrite.</summary>
    bool HasConflict { get; }

    /// <summary>The thing was deleted elsewhere; the edits are kept and can be saved as a new one.</summary>
    bool DeletedElsewhere { get; }

    /// <summary>Save was pressed while the conflict banner was up; the banner says what to do.</summary>
    bool SaveBlocked { get; }

    IReadOnlyList<string> MyEdits { get; }

    IReadOnlyList<string> TheirChanges { get; }

    int? TheirVersion { get; }
}
