using Tracker.Web.Options;

namespace Tracker.Web.Services;

/// <summary>The tracker's public origin for URLs users paste elsewhere (postback URL, local offer URL).</summary>
public static class PublicBaseUrl
{
    /// <summary>
    /// <c>Tracker:PublicBaseUrl</c> when configured (behind a proxy the request may not show the public host),
    /// else the request's scheme, host and path base.
    /// </summary>
    public static string For(HttpRequest request, TrackerOptions options) =>
        !string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? options.PublicBaseUrl.Trim().TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
}
