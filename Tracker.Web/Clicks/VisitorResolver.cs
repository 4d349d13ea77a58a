using Microsoft.AspNetCore.WebUtilities;
using Tracker.Core.Clicks;
using Tracker.Web.Geo;

namespace Tracker.Web.Clicks;

/// <summary>
/// Who is clicking: address (already corrected by the forwarded-headers middleware when the request
/// came through a configured known proxy), country, user agent, referrer, language, and whether it is a bot.
/// </summary>
public sealed class VisitorResolver(CountryLookup countries, BotDetector bots)
{
    // The clicks table's column sizes.
    private const int MaxUserAgent = 1000, MaxReferrer = 2000, MaxLanguage = 100, MaxParameterValue = 1000;

    /// <summary>The classifier in use, to describe a bot verdict in the click's trace.</summary>
    public Tracker.Core.Bots.BotClassifier Bots => bots.Classifier;

    public Visitor Resolve(HttpContext http, IReadOnlyDictionary<string, string> parameters)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true }) address = address.MapToIPv4();
        var headers = http.Request.Headers;
        var userAgent = Cut(headers.UserAgent.ToString(), MaxUserAgent);
        return new Visitor
        {
            Ip = address?.ToString() ?? "",
            Country = countries.Country(address),
            UserAgent = userAgent,
            // Once per click, on the address already parsed for the country.
            Bot = bots.Classify(userAgent, address),
            Referrer = Cut(headers.Referer.ToString(), MaxReferrer),
            Language = Cut(headers.AcceptLanguage.ToString(), MaxLanguage),
            Parameters = parameters,
        };
    }

    /// <summary>Every query parameter (first value of each), as the click records them.</summary>
    /// <remarks>
    /// Read straight from the raw query string, without building the request's query collection
    /// first: a click needs each name and value once, and the well-known parameter names (sub_id_1,
    /// source, cost...) are the same string instances on every click.
    /// </remarks>
    public static Dictionary<string, string> Parameters(HttpRequest request)
    {
        var query = request.QueryString.Value;
        // Sized for the pairs the query has, so the table is not grown (or oversized) per click.
        var pairs = query is null ? 0 : query.AsSpan().Count('&') + 1;
        var result = new Dictionary<string, string>(pairs, StringComparer.Ordinal);
        foreach (var pair in new QueryStringEnumerable(query))
        {
            var encodedName = pair.EncodedName.Span;
            if (encodedName.IsEmpty) continue;
            var name = KnownName(pair.DecodeName().Span);
            if (Seen(result, name)) continue; // the first value of a name wins, whatever its case
            var value = pair.DecodeValue().Span;
            result[name] = value.Length <= MaxParameterValue ? value.ToString() : value[..MaxParameterValue].ToString();
        }
        return result;
    }

    private static readonly string[] KnownNames =
    [
        "sub_id_1", "sub_id_2", "sub_id_3", "sub_id_4", "sub_id_5", "sub_id_6", "sub_id_7", "sub_id_8",
        "sub_id_9", "sub_id_10", "sub_id_11", "sub_id_12", "sub_id_13", "sub_id_14", "sub_id_15",
        "source", "keyword", "cost", "currency", "creative_id", "ad_campaign_id", "external_id", "campaign_id",
        "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "gclid", "fbclid",
    ];

    private static bool Seen(Dictionary<string, string> parameters, string name)
    {
        foreach (var key in parameters.Keys)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static string KnownName(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownNames)
            if (name.SequenceEqual(known)) return known;
        return name.ToString();
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
