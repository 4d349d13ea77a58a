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
    public static Dictionary<string, string> Parameters(HttpRequest request)
    {
        var query = request.Query;
        var result = new Dictionary<string, string>(query.Count, StringComparer.Ordinal);
        foreach (var (name, values) in query)
            result[name] = Cut(values.Count > 0 ? values[0] ?? "" : "", MaxParameterValue);
        return result;
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
