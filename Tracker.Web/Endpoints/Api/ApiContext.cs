using Mapster;
using Microsoft.Extensions.Options;
using Tracker.Web.LocalOffers;
using Tracker.Web.Options;
using Tracker.Web.Services;

namespace Tracker.Web.Endpoints.Api;

/// <summary>
/// What every admin API handler needs to build its answers: the one Mapster configuration and the
/// tracker's public URLs. Bound with <c>[AsParameters]</c> from services and the request.
/// </summary>
public sealed record ApiContext(
    TypeAdapterConfig Mapping, SettingsStore Settings, IOptions<TrackerOptions> Options, IOptions<LocalOfferOptions> LocalOffers, HttpRequest Request)
{
    /// <summary>Origin for URLs the user pastes elsewhere; see <see cref="PublicBaseUrl"/>.</summary>
    public string BaseUrl => PublicBaseUrl.For(Request, Options.Value);

    /// <summary>This tracker's postback URL, e.g. <c>https://trk.example.com/k3y/postback</c>.</summary>
    public string PostbackUrl => Settings.PostbackUrl(BaseUrl);

    /// <summary>
    /// Where a local offer's files are served: on <c>Tracker:LocalOffersHost</c> when one is set (with
    /// the public base URL's scheme), else under the public base URL.
    /// </summary>
    public string LocalOfferUrl(string key)
    {
        var host = LocalOffers.Value.Host;
        if (string.IsNullOrWhiteSpace(host)) return $"{BaseUrl}/lo/{key}/";
        var scheme = Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri) ? baseUri.Scheme : Request.Scheme;
        return $"{scheme}://{host.Trim()}/lo/{key}/";
    }

    /// <summary>The <c>Location</c> of a created resource under the API.</summary>
    public string Location(string resource, int id) => $"{Request.PathBase}/api/v1/{resource}/{id}";
}
