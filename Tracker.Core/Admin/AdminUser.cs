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

    /// <summary>The TOTP secret, encrypted with the host's data protection keys; null while two-factor login is off.</summary>
    public string? TotpSecret { get; set; }

    /// <summary>When two-factor login was turned on; null while it is off.</summary>
    public DateTime? TotpEnabledAt { get; set; }

    /// <summary>The time step of the last TOTP code accepted: a code of this step or an earlier one is never accepted again.</summary>
    public long? TotpLastStep { get; set; }
}
