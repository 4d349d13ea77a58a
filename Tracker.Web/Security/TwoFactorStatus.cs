namespace Tracker.Web.Security;

/// <summary>Whether two-factor login is on, and how many recovery codes are left.</summary>
public sealed record TwoFactorStatus(bool Enabled, DateTime? EnabledAt, int RecoveryCodesLeft);
