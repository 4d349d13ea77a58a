namespace Tracker.Core.Admin;

/// <summary>A single-use code that replaces a TOTP code at login once; only its hash is stored.</summary>
public sealed class AdminRecoveryCode
{
    public int Id { get; set; }

    public int UserId { get; set; }

    /// <summary>SHA-256 of the normalized code (lower case, no dashes), hex.</summary>
    public string Hash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the code was used; a used code is never accepted again.</summary>
    public DateTime? UsedAt { get; set; }
}
