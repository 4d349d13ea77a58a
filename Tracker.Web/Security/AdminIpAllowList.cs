namespace Tracker.Web.Security;

/// <summary>
/// The admin IP allow-list at the edge: when a list is set (Settings → Admin access), a request to
/// <c>/admin</c>, <c>/_blazor</c> or <c>/api</c> from any other address gets a short plain 403 before
/// authentication runs, so the login form, the hub and the API do not even answer it. The address is
/// <see cref="ConnectionInfo.RemoteIpAddress"/> after <c>UseForwardedHeaders</c>, which takes
/// <c>X-Forwarded-For</c> only from the trusted proxies in the <c>ForwardedHeaders</c> configuration;
/// anyone else's header is ignored. Clicks, postbacks, local offers and <c>/health</c> never pass here.
/// </summary>
/// <remarks>Belongs after <c>UseForwardedHeaders</c> and before <c>UseAuthentication</c>, on the admin branch only.</remarks>
public sealed class AdminIpAllowList(RequestDelegate next, AdminAccessStore store, ILogger<AdminIpAllowList> logger)
{
    public const string RefusedBody = "403 Forbidden: this address may not use the admin of this tracker.";

    public async Task InvokeAsync(HttpContext http)
    {
        // Cheap test first: the hot public paths leave at once, without touching the store.
        if (!AdminOriginGuard.IsAdminSurface(http.Request.Path))
        {
            await next(http);
            return;
        }
        var access = await store.GetAsync(http.RequestAborted);
        var address = http.Connection.RemoteIpAddress;
        if (access.AllowList.Allows(address))
        {
            await next(http);
            return;
        }
        // Debug, not Warning: anyone can send these; the request log already records each 403.
        logger.LogDebug("Admin request from {Address} refused by the admin IP allow-list", Tracker.Core.Security.IpDisplay.Of(address));
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(RefusedBody, http.RequestAborted);
    }
}
