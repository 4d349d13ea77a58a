namespace Tracker.Core.Conversions;

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
