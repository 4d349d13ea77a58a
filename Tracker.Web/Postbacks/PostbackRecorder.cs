using Tracker.Core.Conversions;
using Tracker.Web.Clicks;

namespace Tracker.Web.Postbacks;

/// <summary>
/// Turns a received postback into the right money, once. Parsing happens here, on the request's
/// thread; the decision and the writes happen in <see cref="PostbackWriter"/>, which commits them
/// (with the postback log row and the report rollups) before the answer leaves.
/// </summary>
public sealed class PostbackRecorder(
    PostbackWriter writer,
    RoutingTable routing,
    TimeProvider clock,
    ILogger<PostbackRecorder> logger)
{
    public const int ForbiddenLogPerMinute = 30;

    private readonly Lock _forbiddenGate = new();
    private DateTime _forbiddenWindowStart = DateTime.MinValue;
    private int _forbiddenInWindow;
    private int _forbiddenSkipped;

    public async Task<PostbackResult> RecordAsync(PostbackRequest request, CancellationToken ct)
    {
        var parsed = PostbackParser.Parse(request.Fields);
        if (!parsed.IsValid)
        {
            var entry = NewEntry(clock.GetUtcNow().UtcDateTime, request, parsed.SubIdHint, status: null, from: null, PostbackOutcome.Malformed, parsed.Error);
            await LogAsync(entry);
            return new PostbackResult(StatusCodes.Status400BadRequest, $"malformed: {parsed.Error}", PostbackOutcome.Malformed, null);
        }
        // The offers, networks and exchange rates as last saved: a save takes effect on the next postback.
        var snapshot = await routing.CurrentAsync(ct);
        var result = await writer.RecordAsync(request, parsed.Postback!, snapshot);
        if (result.StatusCode == StatusCodes.Status503ServiceUnavailable)
            logger.LogWarning("Postback for {SubId} answered 503: {Body}", parsed.Postback!.SubId, result.Body);
        return result;
    }

    /// <summary>
    /// Logs a postback whose key was wrong (nothing else is read from it), at most
    /// <see cref="ForbiddenLogPerMinute"/> a minute: anyone can send these, and they must not fill the disk.
    /// </summary>
    public Task LogForbiddenAsync(string method, string sourceIp, string raw, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_forbiddenGate)
        {
            if (now - _forbiddenWindowStart >= TimeSpan.FromMinutes(1))
            {
                if (_forbiddenSkipped > 0)
                    logger.LogWarning("{Count} more postbacks with a wrong key were not logged in the last minute", _forbiddenSkipped);
                _forbiddenWindowStart = now;
                _forbiddenInWindow = 0;
                _forbiddenSkipped = 0;
            }
            if (++_forbiddenInWindow > ForbiddenLogPerMinute)
            {
                _forbiddenSkipped++;
                return Task.CompletedTask;
            }
        }
        var request = new PostbackRequest(method, sourceIp, raw.Length > 2000 ? raw[..2000] : raw, []);
        var entry = NewEntry(now, request, subId: null, status: null, from: null, PostbackOutcome.Forbidden,
            "Wrong postback key: the URL's first segment is not this tracker's current key (was it rotated? update the network's postback URL).");
        return LogAsync(entry);
    }

    /// <summary>Logs a postback refused before parsing (too large, unreadable body).</summary>
    public Task LogRefusedAsync(string method, string sourceIp, string raw, string reason, CancellationToken ct)
    {
        var request = new PostbackRequest(method, sourceIp, raw, []);
        return LogAsync(NewEntry(clock.GetUtcNow().UtcDateTime, request, subId: null, status: null, from: null, PostbackOutcome.Malformed, reason));
    }

    /// <summary>Writes a log row on its own; a database that cannot take it only costs the row, never the answer.</summary>
    private async Task LogAsync(PostbackLogEntry entry)
    {
        var written = await writer.LogAsync(entry);
        if (written.StatusCode == StatusCodes.Status503ServiceUnavailable)
            logger.LogWarning("Postback log row '{Outcome}' for {SubId} not written: {Why}", entry.Outcome, entry.SubId, written.Body);
    }

    internal static PostbackLogEntry NewEntry(DateTime now, PostbackRequest request, string? subId, string? status, string? from, PostbackOutcome outcome, string message) => new()
    {
        ReceivedAt = now,
        SourceIp = Truncate(request.SourceIp, 45),
        Method = Truncate(request.Method, 8),
        Raw = Truncate(request.Raw, 17000),
        SubId = subId is null ? null : Truncate(subId, 100),
        Status = string.IsNullOrEmpty(status) ? null : Truncate(status, 100),
        From = string.IsNullOrEmpty(from) ? null : Truncate(from, 200),
        Outcome = outcome,
        Message = Truncate(message, 1000),
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
