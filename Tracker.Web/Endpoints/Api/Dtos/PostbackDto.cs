using System.ComponentModel;
using Tracker.Core.Conversions;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>A received postback as the API shows it.</summary>
public sealed record PostbackDto
{
    public long Id { get; init; }

    [Description("UTC time the postback arrived.")]
    public DateTime ReceivedAt { get; init; }

    public string SourceIp { get; init; } = "";
    public string Method { get; init; } = "";

    [Description("The query string and (for POST) the body, exactly as received.")]
    public string Raw { get; init; } = "";

    public string? SubId { get; init; }

    [Description("The status word as the network sent it.")]
    public string? Status { get; init; }

    [Description("The postback's 'from' parameter: the network's name.")]
    public string? From { get; init; }

    [Description("What the tracker did: created, status_changed, rebill_added, duplicate_ignored, unknown_sub_id, transition_not_allowed, ignored_status, malformed, forbidden, failed.")]
    public PostbackOutcome Outcome { get; init; }

    [Description("What happened and why, in words.")]
    public string Message { get; init; } = "";

    [Description("The conversion it created or changed, if any.")]
    public long? ConversionId { get; init; }
}
