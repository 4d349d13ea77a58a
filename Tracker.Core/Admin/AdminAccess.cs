namespace Tracker.Core.Admin;

/// <summary>Who may reach the admin (one row): the admin IP allow-list. Empty allows every address.</summary>
public sealed class AdminAccess
{
    public int Id { get; set; } = 1;

    /// <summary>Normalized entries (IP addresses and CIDR ranges), one a line.</summary>
    public string AllowList { get; set; } = "";

    public int Version { get; set; } = 1;

    public DateTime UpdatedAt { get; set; }
}
