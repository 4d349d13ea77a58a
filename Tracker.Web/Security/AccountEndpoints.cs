using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Tracker.Core.Security;

namespace Tracker.Web.Security;

/// <summary>
/// Form posts of the first-run, login and logout pages. Plain HTML forms with antiforgery tokens,
/// so the pages work before any Blazor circuit exists.
/// </summary>
public static class AccountEndpoints
{
    public const string CodePage = "/admin/login/code";

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
            await AdminAuthentication.SignInAsync(http, user, persistent: false);
            return TypedResults.Redirect("/admin");
        });

        group.MapPost("/login", async Task<IResult> (
            [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            HttpContext http, AdminAccount account, PendingLogin pending, LoginThrottle throttle, ILoggerFactory loggers) =>
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
            var target = IsLocalAdminUrl(returnUrl) ? returnUrl! : "/admin";
            if (user.TotpEnabledAt is not null)
            {
                // The password alone is not a login: the failure count stays until the code is right too,
                // so knowing the password does not reset the throttle on guessing codes.
                pending.Start(http, user, target);
                return TypedResults.Redirect(CodePage);
            }
            throttle.RecordSuccess(address);
            await AdminAuthentication.SignInAsync(http, user, persistent: true);
            return TypedResults.Redirect(target);
        });

        // The second step when two-factor login is on: a code from the app, or a recovery code.
        group.MapPost("/login/code", async Task<IResult> (
            [FromForm] string? code, HttpContext http, AdminAccount account, TwoFactor twoFactor,
            PendingLogin pending, LoginThrottle throttle, ILoggerFactory loggers) =>
        {
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var locked = throttle.LockedUntil(address);
            if (locked is not null)
            {
                var minutes = Math.Max(1, (int)Math.Ceiling((locked.Value - DateTimeOffset.UtcNow).TotalMinutes));
                return TypedResults.Redirect(CodePage + "?error=" + Uri.EscapeDataString($"Too many failed attempts. Try again in {minutes} minute(s)."));
            }
            var state = pending.Read(http);
            var user = state is null ? null : await account.FindAsync(state.UserId, http.RequestAborted);
            if (state is null || user is null || user.SecurityStamp != state.Stamp)
            {
                PendingLogin.End(http);
                return TypedResults.Redirect("/admin/login?error=" + Uri.EscapeDataString(
                    $"The login timed out (the code must follow the password within {PendingLogin.Lifetime.TotalMinutes:0} minutes). Enter your password again."));
            }
            // Two-factor login turned off in the meantime (admin reset-2fa): the password was enough.
            if (user.TotpEnabledAt is not null && !await twoFactor.VerifyAsync(user.Id, code, http.RequestAborted))
            {
                throttle.RecordFailure(address);
                loggers.CreateLogger("Tracker.Login").LogWarning("Wrong two-factor code at admin login from {Address}", address);
                return TypedResults.Redirect(CodePage + "?error=" + Uri.EscapeDataString(
                    "That code is not valid. Enter the current 6-digit code from your app (each code works once), or one of your unused recovery codes."));
            }
            throttle.RecordSuccess(address);
            PendingLogin.End(http);
            await AdminAuthentication.SignInAsync(http, user, persistent: true);
            return TypedResults.Redirect(IsLocalAdminUrl(state.ReturnUrl) ? state.ReturnUrl : "/admin");
        });

        // Ends this browser's session on the server too: a copy of the cookie taken before is refused afterwards.
        group.MapPost("/logout", async Task<IResult> (HttpContext http, AdminSessions sessions) =>
        {
            await sessions.RevokeAsync(AdminAuthentication.SessionId(http.User), http.RequestAborted);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            PendingLogin.End(http);
            return TypedResults.Redirect("/admin/login");
        });

        // A form post, not a circuit call: the new security stamp goes into a re-issued cookie, and only an
        // HTTP response can set one. Every other session is revoked, so their cookies are refused.
        group.MapPost("/account/password", async Task<IResult> (
            [FromForm] string? current, [FromForm] string? password, [FromForm] string? confirm,
            HttpContext http, AdminAccount account, AdminSessions sessions, LoginThrottle throttle) =>
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
            var sessionId = AdminAuthentication.SessionId(http.User)!;
            await sessions.RevokeAllAsync(user.Id, keep: sessionId, http.RequestAborted);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AdminAuthentication.CreatePrincipal(user, sessionId),
                new AuthenticationProperties { IsPersistent = true });
            return TypedResults.Redirect(page + "?changed=true");
        }).RequireAuthorization();

        // The address this browser reaches the admin from, as the admin IP allow-list sees it (Settings shows it;
        // an interactive page has no request of its own to read it from).
        group.MapGet("/access/address", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(IpDisplay.Of(http.Connection.RemoteIpAddress), "text/plain; charset=utf-8");
        }).RequireAuthorization().ExcludeFromDescription();

        return group;
    }

    /// <summary>Only same-site admin paths: no open redirect through the login form.</summary>
    public static bool IsLocalAdminUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith("/admin", StringComparison.Ordinal)
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') && !url.Contains("://", StringComparison.Ordinal);
}
