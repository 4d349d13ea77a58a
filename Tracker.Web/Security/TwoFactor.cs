using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using QRCoder;
using Tracker.Core.Admin;
using Tracker.Core.Security;
using Tracker.Web.Data;

namespace Tracker.Web.Security;

/// <summary>
/// Two-factor login with time-based one-time codes (RFC 6238: 6 digits, 30-second steps, SHA-1, which is
/// what every authenticator app reads from the QR code). A code is accepted within one step either side
/// of the server's clock, and only once: the step of the last accepted code is stored, and a code of
/// that step or an earlier one is refused, even inside its window. Ten single-use recovery codes stand
/// in for a lost phone; only their SHA-256 hashes are stored (they are random, 50 bits each, so a slow
/// hash adds nothing). The TOTP secret is encrypted at rest with the host's data protection keys
/// (<c>&lt;data&gt;/keys</c>): a copy of the database alone does not reveal it.
/// </summary>
public sealed class TwoFactor(
    IDbContextFactory<TrackerDbContext> contextFactory,
    IDataProtectionProvider dataProtection,
    TimeProvider clock)
{
    public const string Issuer = "Tracker";
    public const int RecoveryCodeCount = 10;

    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Tracker.Admin.Totp.v1");

    /// <summary>A fresh secret for the user to scan; nothing is stored until <see cref="EnableAsync"/>.</summary>
    public static TotpEnrolment BeginEnrolment(string userName)
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        var label = Uri.EscapeDataString(Issuer) + ":" + Uri.EscapeDataString(userName);
        var uri = $"otpauth://totp/{label}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new TotpEnrolment(secret, uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>The secret in groups of four, easier to type into an app by hand.</summary>
    public static string Grouped(string secret) =>
        string.Join(' ', Enumerable.Range(0, (secret.Length + 3) / 4).Select(i => secret.Substring(i * 4, Math.Min(4, secret.Length - i * 4))));

    public async Task<TwoFactorStatus> StatusAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var enabledAt = await db.AdminUsers.Where(u => u.Id == userId).Select(u => u.TotpEnabledAt).SingleOrDefaultAsync(ct);
        var left = await db.AdminRecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, ct);
        return new TwoFactorStatus(enabledAt is not null, enabledAt, enabledAt is null ? 0 : left);
    }

    /// <summary>
    /// Turns two-factor login on with the enrolment's secret once <paramref name="code"/> proves the app
    /// has it. Returns the recovery codes (shown once) or an error.
    /// </summary>
    public async Task<(IReadOnlyList<string>? RecoveryCodes, string? Error)> EnableAsync(int userId, string secret, string? code, CancellationToken ct = default)
    {
        var normalized = Normalize(code);
        if (!IsTotpShape(normalized)) return (null, "Enter the 6-digit code your authenticator app shows for Tracker.");
        if (!new Totp(Base32Encoding.ToBytes(secret)).VerifyTotp(clock.GetUtcNow().UtcDateTime, normalized, out var step, Window))
            return (null, "That code does not match. Check that the app added the code just now and that this device's clock is right, then enter the current code.");

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var user = await db.AdminUsers.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return (null, "The account no longer exists.");
        if (user.TotpEnabledAt is not null) return (null, "Two-factor login is already on. Turn it off first to enrol a new app.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.TotpSecret = _protector.Protect(secret);
        user.TotpEnabledAt = clock.GetUtcNow().UtcDateTime;
        user.TotpLastStep = step;
        var codes = await ReplaceRecoveryCodesAsync(db, userId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (codes, null);
    }

    /// <summary>
    /// Checks a login's second step: a current TOTP code (once) or an unused recovery code (which is then
    /// used up). Concurrent attempts with the same code cannot both succeed: each is a conditional update.
    /// </summary>
    public async Task<bool> VerifyAsync(int userId, string? code, CancellationToken ct = default)
    {
        var normalized = Normalize(code);
        if (normalized.Length == 0) return false;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (IsTotpShape(normalized))
        {
            var protectedSecret = await db.AdminUsers.Where(u => u.Id == userId && u.TotpEnabledAt != null)
                .Select(u => u.TotpSecret).SingleOrDefaultAsync(ct);
            if (protectedSecret is null) return false;
            var secret = Base32Encoding.ToBytes(_protector.Unprotect(protectedSecret));
            if (!new Totp(secret).VerifyTotp(clock.GetUtcNow().UtcDateTime, normalized, out var step, Window)) return false;
            // Once per step: the code just used (and any older one) is refused from now on.
            var claimed = await db.AdminUsers
                .Where(u => u.Id == userId && (u.TotpLastStep == null || u.TotpLastStep < step))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.TotpLastStep, step), ct);
            return claimed == 1;
        }
        var hash = HashRecoveryCode(normalized);
        var now = clock.GetUtcNow().UtcDateTime;
        var used = await db.AdminRecoveryCodes
            .Where(c => c.UserId == userId && c.Hash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.UsedAt, now), ct);
        return used == 1;
    }

    /// <summary>Turns two-factor login off; asks for a current code (or a recovery code) first.</summary>
    public async Task<string?> DisableAsync(int userId, string? code, CancellationToken ct = default)
    {
        if (!await VerifyAsync(userId, code, ct))
            return "That code is not valid (or was already used). Enter the current code from your app, or an unused recovery code.";
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await ResetAsync(db, userId, ct);
        return null;
    }

    /// <summary>New recovery codes (the old ones stop working); asks for a current code first.</summary>
    public async Task<(IReadOnlyList<string>? RecoveryCodes, string? Error)> RegenerateRecoveryCodesAsync(int userId, string? code, CancellationToken ct = default)
    {
        if (!await VerifyAsync(userId, code, ct))
            return (null, "That code is not valid (or was already used). Enter the current code from your app, or an unused recovery code.");
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var codes = await ReplaceRecoveryCodesAsync(db, userId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (codes, null);
    }

    /// <summary>Turns two-factor login off without a code: the server-side unlock path (<c>admin reset-2fa</c>).</summary>
    public static async Task ResetAsync(TrackerDbContext db, int userId, CancellationToken ct = default)
    {
        await db.AdminUsers.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.TotpSecret, (string?)null)
            .SetProperty(x => x.TotpEnabledAt, (DateTime?)null)
            .SetProperty(x => x.TotpLastStep, (long?)null), ct);
        await db.AdminRecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
    }

    private async Task<List<string>> ReplaceRecoveryCodesAsync(TrackerDbContext db, int userId, CancellationToken ct)
    {
        await db.AdminRecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var codes = new List<string>(RecoveryCodeCount);
        for (var i = 0; i < RecoveryCodeCount; i++)
        {
            var raw = SecureToken.Create(7)[..10]; // 50 random bits in the lowercase base32 alphabet
            codes.Add(raw[..5] + "-" + raw[5..]);
            db.AdminRecoveryCodes.Add(new AdminRecoveryCode { UserId = userId, Hash = HashRecoveryCode(raw), CreatedAt = now });
        }
        return codes;
    }

    /// <summary>Lower case, without the spaces and dashes people type or copy along.</summary>
    private static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToLowerInvariant).Take(64).ToArray());

    private static bool IsTotpShape(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    private static string HashRecoveryCode(string normalized) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
}
