namespace Tracker.Core.Admin;

/// <summary>The single admin account, created on first run. No default password exists anywhere.</summary>
public sealed class AdminUser
{
    public int Id { get; set; }

    public string UserName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary>Changes when the password changes, which signs out every other session.</summary>
    public string SecurityStamp { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
