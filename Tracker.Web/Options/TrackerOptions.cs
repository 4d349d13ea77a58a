using System.ComponentModel.DataAnnotations;

namespace Tracker.Web.Options;

/// <summary>
/// The operator's settings under <c>Tracker:</c> in appsettings.json (or <c>Tracker__X</c> environment
/// variables). Every property is listed with its default in docs/configuration.md.
/// </summary>
public sealed class TrackerOptions
{
    public const string Section = "Tracker";

    /// <summary>Where tracker.db, extracted offers, keys, logs and backups live. Default <c>./data</c>.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Admin API key. When set, it is the key and cannot be rotated from the UI. Default: generated at first run.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The public base URL (e.g. https://trk.example.com) used in URLs shown to paste elsewhere. Default: taken from the request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Failed logins from one IP allowed within <see cref="LoginLockoutMinutes"/> before further attempts are refused. Default 5.</summary>
    [Range(1, 1000)]
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a throttled IP waits before it may try to log in again. Default 15.</summary>
    [Range(1, 1440)]
    public int LoginLockoutMinutes { get; set; } = 15;

    public string DatabasePath => Path.Combine(FullDataDirectory, "tracker.db");

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
