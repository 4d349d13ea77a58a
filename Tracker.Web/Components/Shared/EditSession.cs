namespace Tracker.Web.Components.Shared;

/// <summary>
/// One edit of one saved thing (an offer, a campaign, a network, the settings), the same for every editor:
/// the saved version it started from (<see cref="Original"/>), the edited copy (<see cref="Draft"/>), and a
/// newer saved version when someone else saved meanwhile (<see cref="Theirs"/>).
/// <list type="bullet">
/// <item>A newer version with no edits of mine is simply shown (no banner: nothing to lose).</item>
/// <item>With edits, it waits in <see cref="Theirs"/> and the banner offers <see cref="ReloadTheirs"/> (drop mine) and
/// <see cref="Overwrite"/> (their version with only my edits re-applied, then saved as the next version).</item>
/// <item>Deleted elsewhere: my edits stay and can be saved as a new one.</item>
/// </list>
/// </summary>
public sealed class EditSession<T> : IEditSession where T : class
{
    private readonly EditRules<T> _rules;

    public EditSession(T saved, EditRules<T> rules)
    {
        _rules = rules;
        Original = rules.Copy(saved);
        Draft = rules.Copy(saved);
    }

    /// <summary>The saved version the edit started from: what "unsaved changes" and "my edits" are measured against.</summary>
    public T Original { get; private set; }

    /// <summary>What the user edits; replaced by reload, overwrite and save.</summary>
    public T Draft { get; private set; }

    /// <summary>A newer saved version, while the conflict banner shows.</summary>
    public T? Theirs { get; private set; }

    public bool DeletedElsewhere { get; private set; }

    public bool SaveBlocked { get; private set; }

    public bool IsDirty => _rules.Differences(Original, Draft).Count > 0;

    public bool HasConflict => Theirs is not null;

    public IReadOnlyList<string> MyEdits => _rules.Differences(Original, Draft);

    public IReadOnlyList<string> TheirChanges => Theirs is null ? [] : _rules.Differences(Original, Theirs);

    public int? TheirVersion => Theirs is null ? null : _rules.Version(Theirs);

    /// <summary>
    /// Someone else saved <paramref name="theirs"/>. Without edits it is shown at once and true is returned
    /// (the editor may say so quietly); with edits it waits for the user's choice and false is returned.
    /// An older or equal version is ignored (our own save announcing itself).
    /// </summary>
    public bool TheirVersionArrived(T theirs)
    {
        if (_rules.Version(theirs) <= _rules.Version(Original) && Theirs is null) return false;
        DeletedElsewhere = false;
        if (!IsDirty)
        {
            Saved(theirs);
            return true;
        }
        Theirs = _rules.Copy(theirs);
        return false;
    }

    /// <summary>The thing was deleted elsewhere: keep the edits, offer to save them as a new one.</summary>
    public void Deleted()
    {
        DeletedElsewhere = true;
        Theirs = null;
        SaveBlocked = false;
    }

    /// <summary>Save pressed: false (and the banner says why) while a conflict waits for a choice.</summary>
    public bool CanSave()
    {
        SaveBlocked = HasConflict;
        return !HasConflict;
    }

    /// <summary>"Reload": take their version, drop my edits.</summary>
    public void ReloadTheirs()
    {
        if (Theirs is { } theirs) Saved(theirs);
    }

    /// <summary>"Overwrite": their version with only my edits re-applied; the editor saves the new draft next.</summary>
    public void Overwrite()
    {
        if (Theirs is not { } theirs) return;
        Draft = _rules.Reapply(Draft, Original, theirs);
        Original = _rules.Copy(theirs);
        Theirs = null;
        SaveBlocked = false;
    }

    /// <summary>A version was saved (by us) or loaded: it becomes both the original and the draft.</summary>
    public void Saved(T saved)
    {
        Original = _rules.Copy(saved);
        Draft = _rules.Copy(saved);
        Theirs = null;
        DeletedElsewhere = false;
        SaveBlocked = false;
    }

    /// <summary>Forgets their version: the editor found it was its own side action (e.g. a key rotation) and moved its base on.</summary>
    public void DismissTheirs()
    {
        Theirs = null;
        SaveBlocked = false;
    }

    /// <summary>Keeps the draft after "save as new" created it elsewhere under a new id.</summary>
    public void ForgetDeletion() => DeletedElsewhere = false;
}
