using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Admin;
using Tracker.Core.Security;
using Tracker.Core.Validation;
using Tracker.Web.Data;

namespace Tracker.Web.Security;

/// <summary>The single admin account: first-run creation, password checks, password change.</summary>
public sealed class AdminAccount(IDbContextFactory<TrackerDbContext> contextFactory, TimeProvider clock)
{
    public const int MinPasswordLength = 10;

    private static readonly PasswordHasher<AdminUser> Hasher = new();
    private volatile bool _exists;

    /// <summary>Cached once true: an account is never removed.</summary>
    public async Task<bool> ExistsAsync(CancellationToken ct = default)
    {
        if (_exists) return true;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        _exists = await db.AdminUsers.AnyAsync(ct);
        return _exists;
    }

    public static ValidationErrors ValidateNew(string? userName, string? password, string? confirm)
    {
        var errors = new ValidationErrors();
        var name = userName?.Trim() ?? "";
        if (name.Length is < 3 or > 100)
            errors.Add("userName", "User name must be 3 to 100 characters.");
        else if (name.Any(char.IsControl))
            errors.Add("userName", "User name cannot contain control characters.");
        ValidatePassword(password, confirm, errors, "password");
        return errors;
    }

    private static void ValidatePassword(string? password, string? confirm, ValidationErrors errors, string field)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
            errors.Add(field, $"Password must be at least {MinPasswordLength} characters.");
        else if (password.Length > 200)
            errors.Add(field, "Password must be at most 200 characters.");
        else if (password != confirm)
            errors.Add("confirm", "The two passwords do not match.");
    }

    /// <summary>Creates the account if none exists yet; the first-run page can never be replayed.</summary>
    public async Task<(AdminUser? User, ValidationErrors Errors)> CreateAsync(string userName, string password, string confirm, CancellationToken ct = default)
    {
        var errors = ValidateNew(userName, password, confirm);
        if (!errors.IsValid) return (null, errors);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (await db.AdminUsers.AnyAsync(ct))
            return (null, ValidationErrors.Single("userName", "The admin account already exists. Log in instead."));
        var user = new AdminUser
        {
            UserName = userName.Trim(),
            SecurityStamp = SecureToken.Create(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.AdminUsers.Add(user);
        await db.SaveChangesAsync(ct);
        _exists = true;
        return (user, errors);
    }

    public async Task<AdminUser?> VerifyAsync(string? userName, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)) return null;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var user = await db.AdminUsers.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName.Trim(), ct);
        if (user is null)
        {
            // Spend the same time as a real check so response time does not reveal user names.
            Hasher.VerifyHashedPassword(new AdminUser(), DummyHash, password);
            return null;
        }
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        return result == PasswordVerificationResult.Failed ? null : user;
    }

    public async Task<AdminUser?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.AdminUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
    }

    /// <summary>Changes the password and the security stamp, which signs out every other session.</summary>
    public async Task<(AdminUser? User, ValidationErrors Errors)> ChangePasswordAsync(int userId, string current, string password, string confirm, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var user = await db.AdminUsers.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || Hasher.VerifyHashedPassword(user, user.PasswordHash, current ?? "") == PasswordVerificationResult.Failed)
        {
            errors.Add("current", "The current password is not correct.");
            return (null, errors);
        }
        ValidatePassword(password, confirm, errors, "password");
        if (!errors.IsValid) return (null, errors);
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.SecurityStamp = SecureToken.Create();
        await db.SaveChangesAsync(ct);
        return (user, errors);
    }

    /// <summary>
    /// Sets a new password without the current one: the server-side unlock path (<c>admin reset-password</c>),
    /// for an operator with a shell on the server. The caller revokes the sessions.
    /// </summary>
    public static async Task<ValidationErrors> ResetPasswordAsync(TrackerDbContext db, AdminUser user, string password, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        ValidatePassword(password, password, errors, "password");
        if (!errors.IsValid) return errors;
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.SecurityStamp = SecureToken.Create();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    private static readonly string DummyHash = Hasher.HashPassword(new AdminUser(), SecureToken.Create());
}
