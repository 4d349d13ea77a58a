namespace Tracker.Web.Security;

/// <summary>What saving an allow-list did.</summary>
public enum AdminAccessSaveResult
{
    Saved,
    Invalid,
    /// <summary>The list would shut out the address the change comes from; not saved without force.</summary>
    ExcludesCaller,
    /// <summary>Someone saved a newer version first.</summary>
    Stale,
}
