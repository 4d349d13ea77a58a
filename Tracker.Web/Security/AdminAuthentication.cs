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
                o.Events.OnValidatePrincipal = ValidateStampAsync;
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
        services.AddSingleton<LoginThrottle>();
        return services;
    }

    public static ClaimsPrincipal CreatePrincipal(AdminUser user) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(StampClaim, user.SecurityStamp),
        ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static int? UserId(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>A cookie issued before the last password change is rejected.</summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext ctx)
    {
        var id = ctx.Principal is null ? null : UserId(ctx.Principal);
        var stamp = ctx.Principal?.FindFirstValue(StampClaim);
        var account = ctx.HttpContext.RequestServices.GetRequiredService<AdminAccount>();
        var user = id is null ? null : await account.FindAsync(id.Value, ctx.HttpContext.RequestAborted);
        if (user is null || user.SecurityStamp != stamp)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static bool IsNonPageRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/_blazor") || request.Path.StartsWithSegments("/api");
}
