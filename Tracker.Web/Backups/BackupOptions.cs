using System.ComponentModel.DataAnnotations;

namespace Tracker.Web.Backups;

/// <summary>Scheduled online backups of the database (<c>Tracker:Backups:*</c>). Listed in docs/configuration.md.</summary>
public sealed class BackupOptions
{
    public const string Section = "Tracker:Backups";

    /// <summary>Hours between scheduled backups; 0 turns the schedule off (on-demand backups still work). Default 24.</summary>
    [Range(0, 24 * 365)]
    public int IntervalHours { get; set; } = 24;

    /// <summary>How many scheduled and on-demand backups to keep; older ones are deleted after each new one. Default 7.</summary>
    [Range(1, 1000)]
    public int Keep { get; set; } = 7;
}
