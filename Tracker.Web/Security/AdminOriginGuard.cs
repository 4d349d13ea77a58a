using Microsoft.Extensions.Options;
using Tracker.Web.LocalOffers;
using Tracker.Web.Options;

namespace Tracker.Web.Security;

/// <summary>
/// Keeps pages that are not the admin's from acting on the admin surfaces (<c>/admin</c>, <c>/api</c>, <c>/_blazor</c>):
/// a state-changing request (or a hub WebSocket) whose <c>Origin</c> is another site — or <c>null</c>, which is what a
/// sandboxed local offer page sends — is refused with 403. Requests without <c>Origin</c> (scripts, curl) pass on to
/// the usual cookie, antiforgery and API key checks. When local offers have their own host
/// (<c>Tracker:LocalOffersHost</c>), the admin surfaces do not exist on that host at all.
/// </summary>
public sealed class AdminOriginGuard(RequestDelegate next, IOptions<LocalOfferOptions> localOffers, IOptions<TrackerOptions> tracker)
{
    private readonly string? _publicAuthority =
        Uri.TryCreate(tracker.Value.PublicBaseUrl, UriKind.Absolute, out var u) ? u.Authority : null;

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!IsAdminSurface(request.Path)) return next(http);

        var offersHost = localOffers.Value.Host;
        if (!string.IsNullOrWhiteSpace(offersHost) && IsHost(request.Host, offersHost))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (ChangesState(request) && request.Headers.Origin.Count > 0 && !IsOwnOrigin(request.Headers.Origin.ToString(), request))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return http.Response.WriteAsJsonAsync(new
            {
                title = "Cross-origin request refused",
                detail = "Admin requests must come from the admin pages of this tracker.",
                status = StatusCodes.Status403Forbidden,
            }, http.RequestAborted);
        }
        return next(http);
    }

    public static bool IsAdminSurface(PathString path) =>
        path.StartsWithSegments("/admin") || path.StartsWithSegments("/api") || path.StartsWithSegments("/_blazor");

    private static bool ChangesState(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        || request.Headers.Upgrade.Count > 0;

    private bool IsOwnOrigin(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return false; // "null" (sandboxed pages, file: URLs) and anything odd
        // The authority, not the scheme: behind a TLS-terminating proxy the app may see http while the browser says https.
        return string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(uri.Authority, _publicAuthority, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsHost(HostString requestHost, string configured) =>
        configured.Contains(':')
            ? string.Equals(requestHost.Value, configured, StringComparison.OrdinalIgnoreCase)
            : string.Equals(requestHost.Host, configured, StringComparison.OrdinalIgnoreCase);
}
