using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Tracker.Core.Networks;
using Tracker.Web.Options;

namespace Tracker.Web.Services;

/// <summary>
/// Absolute URLs the admin shows for pasting elsewhere (postback URLs, tracking links). The base is
/// <c>Tracker:PublicBaseUrl</c> when configured, else the address the admin is browsing: in a
/// component that is <see cref="NavigationManager.BaseUri"/> (the browser's own view, so it is right
/// behind a reverse proxy too), in an endpoint the request's scheme and host.
/// </summary>
public sealed class PublicUrls(IOptions<TrackerOptions> options, SettingsStore settings)
{
    /// <summary>e.g. <c>https://trk.example.com</c>, without a trailing slash.</summary>
    public string BaseUrl(NavigationManager navigation) => Configured ?? navigation.BaseUri.TrimEnd('/');

    public string BaseUrl(HttpRequest request) => PublicBaseUrl.For(request, options.Value);

    /// <summary>This tracker's postback URL, e.g. <c>https://trk.example.com/k3y/postback</c>.</summary>
    public string PostbackUrl(NavigationManager navigation) => settings.PostbackUrl(BaseUrl(navigation));

    public string PostbackUrl(HttpRequest request) => settings.PostbackUrl(BaseUrl(request));

    /// <summary>The postback URL to paste into one network: the tracker's, plus the network's own macros.</summary>
    public string NetworkPostbackUrl(AffiliateNetwork network, NavigationManager navigation) =>
        Core.Networks.NetworkPostbackUrl.Compose(PostbackUrl(navigation), network.PostbackParameters);

    public string NetworkPostbackUrl(AffiliateNetwork network, HttpRequest request) =>
        Core.Networks.NetworkPostbackUrl.Compose(PostbackUrl(request), network.PostbackParameters);

    private string? Configured =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.Trim().TrimEnd('/');
}
