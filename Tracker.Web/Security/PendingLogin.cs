using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Tracker.Core.Admin;

namespace Tracker.Web.Security;

/// <summary>
/// The state between the two login steps when two-factor login is on: the password was right, the code
/// is still to come. Kept in a short-lived encrypted cookie (<c>tracker_2fa</c>, five minutes, only sent to
/// the login pages), never as a logged-in session: without the code the browser has no admin access.
/// </summary>
public sealed class PendingLogin(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "tracker_2fa";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("Tracker.Admin.PendingLogin.v1").ToTimeLimitedDataProtector();

    public sealed record State(int UserId, string Stamp, string ReturnUrl);

    public void Start(HttpContext http, AdminUser user, string returnUrl)
    {
        var payload = string.Join('\n', user.Id.ToString(CultureInfo.InvariantCulture), user.SecurityStamp, returnUrl);
        var value = _protector.Protect(payload, clock.GetUtcNow() + Lifetime);
        http.Response.Cookies.Append(CookieName, value, Options(http, clock.GetUtcNow() + Lifetime));
    }

    /// <summary>The pending login, or null when there is none or it expired.</summary>
    public State? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            var parts = _protector.Unprotect(value, out var expires).Split('\n');
            if (expires < clock.GetUtcNow() || parts.Length != 3) return null;
            return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? new State(id, parts[1], parts[2]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // expired, tampered with, or from keys that no longer exist
        }
    }

    public static void End(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http, null));

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/admin/login",
        Expires = expires,
        IsEssential = true,
    };
}
