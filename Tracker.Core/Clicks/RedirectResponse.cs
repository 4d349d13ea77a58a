namespace Tracker.Core.Clicks;

/// <summary>What to answer to send a visitor on: a 302 with a Location, or a 200 with a small HTML page.</summary>
public sealed record RedirectResponse
{
    public int StatusCode { get; init; }

    /// <summary>The Location header of a 302.</summary>
    public string? Location { get; init; }

    /// <summary>The page of an HTML redirect (UTF-8).</summary>
    public string? Html { get; init; }

    /// <summary>Send <c>Referrer-Policy: no-referrer</c> so the offer receives no Referer at all.</summary>
    public bool HideReferrer { get; init; }
}
