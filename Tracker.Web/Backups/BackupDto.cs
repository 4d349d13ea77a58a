using System.ComponentModel;

namespace Tracker.Web.Backups;

/// <summary>A backup as the API shows it.</summary>
public sealed record BackupDto(
    [property: Description("The file name in <data>/backups, e.g. tracker-20261130-013000-manual.db.")] string Name,
    [property: Description("UTC time the backup was made.")] DateTime CreatedAt,
    [property: Description("Size of the file in bytes.")] long SizeBytes,
    [property: Description("scheduled, manual (Settings or this API) or pre-migration (made before an upgrade changed the schema).")] string Reason,
    [property: Description("The result of PRAGMA integrity_check on the copy: \"ok\", the problems found, or \"\" when it was not checked (pre-migration copies).")] string Integrity,
    [property: Description("Where to download the file with the Api-Key header.")] string DownloadUrl);
