using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Tracker.Web.Security;

/// <summary>
/// Form posts of the first-run, login and logout pages. Plain HTML forms with antiforgery tokens,
/// so the pages work before any Blazor circuit exists.
/// </summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin");

        group.MapPost("/setup", async Task<IResult> (
            [FromForm] string? userName, [FromForm] string? password, [FromForm] string? confirm,
            HttpContext http, AdminAccount account) =>
        {
            if (await account.ExistsAsync(http.RequestAborted))
                return TypedResults.Redirect("/admin/login");
            var (user, errors) = await account.CreateAsync(userName ?? "", password ?? "", confirm ?? "", http.RequestAborted);
            if (user is null)
                return TypedResults.Redirect("/admin/setup?error=" + Uri.EscapeDataString(string.Join(" ", errors.ToDictionary().Values.SelectMany(v => v))) + "&userName=" + Uri.EscapeDataString(userName ?? ""));
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AdminAuthentication.CreatePrincipal(user));
            return TypedResults.Redirect("/admin");
        });

        group.MapPost("/login", async Task<IResult> (
            [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            HttpContext http, AdminAccount account, LoginThrottle throttle, ILoggerFactory loggers) =>
        {
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var locked = throttle.LockedUntil(address);
            if (locked is not null)
            {
                var minutes = Math.Max(1, (int)Math.Ceiling((locked.Value - DateTimeOffset.UtcNow).TotalMinutes));
                return TypedResults.Redirect($"/admin/login?error={Uri.EscapeDataString($"Too many failed attempts. Try again in {minutes} minute(s).")}");
            }
            var user = await account.VerifyAsync(userName, password, http.RequestAborted);
            if (user is null)
            {
                throttle.RecordFailure(address);
                loggers.CreateLogger("Tracker.Login").LogWarning("Failed admin login from {Address}", address);
                return TypedResults.Redirect("/admin/login?error=" + Uri.EscapeDataString("Wrong user name or password."));
            }
            throttle.RecordSuccess(address);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AdminAuthentication.CreatePrincipal(user),
                new AuthenticationProperties { IsPersistent = true });
            return TypedResults.Redirect(IsLocalAdminUrl(returnUrl) ? returnUrl! : "/admin");
        });

        group.MapPost("/logout", async Task<IResult> (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.Redirect("/admin/login");
        });

        // A form post, not a circuit call: the new security stamp must go into a re-issued cookie, and
        // only an HTTP response can set one. Every other session's cookie carries the old stamp and is rejected.
        group.MapPost("/account/password", async Task<IResult> (
            [FromForm] string? current, [FromForm] string? password, [FromForm] string? confirm,
            HttpContext http, AdminAccount account, LoginThrottle throttle) =>
        {
            const string page = "/admin/account";
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (throttle.LockedUntil(address) is not null)
                return TypedResults.Redirect(page + "?error=" + Uri.EscapeDataString("Too many wrong passwords. Try again later."));
            var userId = AdminAuthentication.UserId(http.User);
            if (userId is null) return TypedResults.Redirect("/admin/login");
            var (user, errors) = await account.ChangePasswordAsync(userId.Value, current ?? "", password ?? "", confirm ?? "", http.RequestAborted);
            if (user is null)
            {
                // A stolen session must not become an oracle for the current password.
                if (errors.First("current") is not null) throttle.RecordFailure(address);
                var message = string.Join(" ", errors.ToDictionary().Values.SelectMany(v => v));
                return TypedResults.Redirect(page + "?error=" + Uri.EscapeDataString(message));
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AdminAuthentication.CreatePrincipal(user),
                new AuthenticationProperties { IsPersistent = true });
            return TypedResults.Redirect(page + "?changed=true");
        }).RequireAuthorization();

        return group;
    }

    /// <summary>Only same-site admin paths: no open redirect through the login form.</summary>
    public static bool IsLocalAdminUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith("/admin", StringComparison.Ordinal)
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') && !url.Contains("://", StringComparison.Ordinal);
}
