namespace Tracker.Web.Catalog;

public enum SaveOutcome
{
    Saved,
    Invalid,
    /// <summary>Someone saved a newer version first; <see cref="SaveResult{T}.Value"/> holds the current one.</summary>
    Conflict,
    NotFound,
}
