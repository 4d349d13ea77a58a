namespace Tracker.Core.Networks;

/// <summary>The postback URL a network is given: the tracker's postback URL plus the network's own tokens.</summary>
public static class NetworkPostbackUrl
{
    /// <summary>
    /// <c>https://trk.example/abc/postback</c> + <c>subid={sub1}&amp;payout={sum}</c> →
    /// <c>https://trk.example/abc/postback?subid={sub1}&amp;payout={sum}</c>. A leading <c>?</c> or <c>&amp;</c> is tolerated.
    /// </summary>
    public static string Compose(string trackerPostbackUrl, string? postbackParameters)
    {
        var parameters = (postbackParameters ?? "").Trim().TrimStart('?', '&');
        if (parameters.Length == 0) return trackerPostbackUrl;
        var separator = trackerPostbackUrl.Contains('?') ? '&' : '?';
        return trackerPostbackUrl + separator + parameters;
    }
}
