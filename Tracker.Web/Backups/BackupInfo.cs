namespace Tracker.Web.Backups;

/// <summary>One backup file in <c>&lt;data&gt;/backups</c>.</summary>
/// <param name="Name">The file name, e.g. <c>tracker-20261130-013000-manual.db</c>.</param>
/// <param name="Reason">scheduled, manual or pre-migration.</param>
/// <param name="Integrity">"ok", the problems <c>PRAGMA integrity_check</c> found, or "" when it was not checked.</param>
public sealed record BackupInfo(string Name, DateTime CreatedAt, long SizeBytes, string Reason, string Integrity)
{
    public bool IsIntact => Integrity == "ok";
}
