using Microsoft.Extensions.Options;
using Tracker.Web.Options;

namespace Tracker.Web.Catalog;

/// <summary>
/// The public URLs users paste into traffic sources: <c>Tracker:PublicBaseUrl</c> when configured
/// (the tracker sits behind a proxy or the admin uses another host name), else the address the
/// request came in on.
/// </summary>
public sealed class TrackingLinks(IOptions<TrackerOptions> options)
{
    private string? Configured =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.Trim().TrimEnd('/');

    /// <summary>
    /// From a component (the API uses <see cref="Endpoints.PublicBaseUrl"/> on the request):
    /// <paramref name="navigationBaseUri"/> is NavigationManager.BaseUri.
    /// </summary>
    public string BaseUrl(string navigationBaseUri) => Configured ?? navigationBaseUri.TrimEnd('/');

    public static string ForAlias(string baseUrl, string alias) => $"{baseUrl.TrimEnd('/')}/{alias}";
}
