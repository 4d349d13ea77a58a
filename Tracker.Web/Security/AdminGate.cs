namespace Tracker.Web.Security;

/// <summary>
/// Sends every admin page to first-run setup while no admin account exists, and refuses the Blazor
/// circuit (<c>/_blazor</c>) to anyone not logged in — the hub carries the whole admin UI.
/// </summary>
public sealed class AdminGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, AdminAccount account)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/_blazor") && http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (path.StartsWithSegments("/admin") && HttpMethods.IsGet(http.Request.Method)
            && !path.StartsWithSegments("/admin/setup")
            && !await account.ExistsAsync(http.RequestAborted))
        {
            http.Response.Redirect("/admin/setup");
            return;
        }
        await next(http);
    }
}
