namespace Tracker.Core.Admin;

/// <summary>
/// One login of the admin (one browser). The login cookie names it; logging out revokes it, so a copy
/// of the cookie is worthless afterwards. "Sign out everywhere" and a password change revoke them all.
/// </summary>
public sealed class AdminSession
{
    /// <summary>Random, unguessable; carried in the (encrypted) login cookie.</summary>
    public string Id { get; set; } = "";

    public int UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the session was logged out or revoked; it never becomes valid again.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>The browser's address at login, for the operator's information.</summary>
    public string? Address { get; set; }

    /// <summary>The browser's user agent at login (shortened), for the operator's information.</summary>
    public string? UserAgent { get; set; }
}
