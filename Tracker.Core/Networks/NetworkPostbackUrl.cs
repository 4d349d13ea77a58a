namespace Tracker.Core.Networks;

/// <summary>The complete postback URL a user pastes into one affiliate network.</summary>
public static class NetworkPostbackUrl
{
    /// <summary>
    /// The tracker's postback URL with the network's postback parameters appended as its query, e.g.
    /// <c>https://trk.example/k3y/postback?subid={sub1}&amp;payout={sum}</c>. A leading <c>?</c> or
    /// <c>&amp;</c> on the parameters is tolerated, because users paste them either way.
    /// </summary>
    public static string Compose(string trackerPostbackUrl, string? postbackParameters)
    {
        var query = (postbackParameters ?? "").Trim().TrimStart('?', '&');
        if (query.Length == 0) return trackerPostbackUrl;
        var separator = trackerPostbackUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return trackerPostbackUrl + separator + query;
    }
}
