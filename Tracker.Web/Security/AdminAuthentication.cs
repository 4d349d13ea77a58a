using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Tracker.Core.Admin;

namespace Tracker.Web.Security;

/// <summary>Cookie login for the admin UI and its Blazor circuit.</summary>
public static class AdminAuthentication
{
    public const string CookieName = "tracker_admin";
    public const string StampClaim = "tracker:stamp";
    public const string SessionClaim = "tracker:sid";

    public static IServiceCollection AddAdminAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                // Strict: never sent with requests started by another site or by a sandboxed local offer page.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // __Host-tracker_admin on HTTPS, tracker_admin on plain HTTP (local runs).
                o.CookieManager = new HostPrefixedCookieManager();
                o.LoginPath = "/admin/login";
                o.LogoutPath = "/admin/logout";
                o.AccessDeniedPath = "/admin/login";
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                // The API and the hub answer 401 instead of redirecting to a login page.
                o.Events.OnRedirectToLogin = ctx =>
                {
                    if (IsNonPageRequest(ctx.Request))
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else
                        ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AdminSessionRevalidator>();
        services.AddSingleton<AdminAccount>();
        services.AddSingleton<AdminSessions>();
        services.AddSingleton<TwoFactor>();
        services.AddSingleton<PendingLogin>();
        services.AddSingleton<LoginThrottle>();
        services.AddAdminAccess();
        return services;
    }

    public static ClaimsPrincipal CreatePrincipal(AdminUser user, string sessionId) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(StampClaim, user.SecurityStamp),
            new Claim(SessionClaim, sessionId),
        ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static int? UserId(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? SessionId(ClaimsPrincipal principal) => principal.FindFirstValue(SessionClaim);

    /// <summary>Starts a new server-side session for the user and issues the login cookie naming it.</summary>
    public static async Task SignInAsync(HttpContext http, AdminUser user, bool persistent)
    {
        var sessions = http.RequestServices.GetRequiredService<AdminSessions>();
        var sessionId = await sessions.CreateAsync(user.Id, http, http.RequestAborted);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CreatePrincipal(user, sessionId),
            new AuthenticationProperties { IsPersistent = persistent });
    }

    /// <summary>
    /// A cookie whose session was logged out or revoked (or that names no session: issued before sessions
    /// were kept server-side) is rejected, and the browser is told to drop it.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext ctx)
    {
        var sessions = ctx.HttpContext.RequestServices.GetRequiredService<AdminSessions>();
        var principal = ctx.Principal;
        var active = principal is not null
            && await sessions.IsActiveAsync(SessionId(principal), UserId(principal), ctx.HttpContext.RequestAborted);
        if (!active)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static bool IsNonPageRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/_blazor") || request.Path.StartsWithSegments("/api");
}
