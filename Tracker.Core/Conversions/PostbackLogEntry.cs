namespace Tracker.Core.Conversions;

/// <summary>What the tracker did with a received postback.</summary>
public enum PostbackOutcome
{
    Created = 0,
    StatusChanged = 1,
    RebillAdded = 2,
    DuplicateIgnored = 3,
    UnknownSubId = 4,
    TransitionNotAllowed = 5,
    IgnoredStatus = 6,
    Malformed = 7,
    Forbidden = 8,
    Failed = 9,
    /// <summary>The postback came from an address outside its network's postback IP allow-list.</summary>
    AddressNotAllowed = 10,
}

/// <summary>Every received postback, with its outcome in words, for the admin and the API.</summary>
public sealed class PostbackLogEntry
{
    public long Id { get; set; }

    public DateTime ReceivedAt { get; set; }

    public string SourceIp { get; set; } = "";

    public string Method { get; set; } = "GET";

    /// <summary>The query string and (for POST) the body, as received, truncated to the body limit.</summary>
    public string Raw { get; set; } = "";

    public string? SubId { get; set; }

    public string? Status { get; set; }

    public string? From { get; set; }

    public PostbackOutcome Outcome { get; set; }

    public string Message { get; set; } = "";

    public long? ConversionId { get; set; }
}
