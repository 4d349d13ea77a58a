namespace Tracker.Web.Postbacks;

/// <summary>A received postback as plain data: where it came from, what it said, its parameters in order.</summary>
public sealed record PostbackRequest(
    string Method,
    string SourceIp,
    string Raw,
    IReadOnlyList<KeyValuePair<string, string?>> Fields);
