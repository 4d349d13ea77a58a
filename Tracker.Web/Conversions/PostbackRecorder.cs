using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Core.Security;
using Tracker.Web.Data;
using Tracker.Web.Live;
using Tracker.Web.Reports;
using Tracker.Web.Services;

namespace Tracker.Web.Conversions;

/// <summary>What to answer the network, and what the tracker did.</summary>
public sealed record PostbackResult(int StatusCode, string Body, PostbackOutcome Outcome, long? ConversionId);

/// <summary>
/// Turns a received postback into the right money, once: one short write transaction finds the
/// click, lets <see cref="PostbackPolicy"/> decide, writes the conversion, its transaction row and the
/// postback log row, and commits before the answer leaves. Postbacks are written one at a time in
/// this process, so two identical postbacks cannot both see "no conversion yet"; across processes
/// the unique indexes on the click and on (subid, tid) catch the loser, which is retried and then
/// answered as a duplicate.
/// </summary>
public sealed class PostbackRecorder(
    IDbContextFactory<TrackerDbContext> contextFactory,
    SettingsStore settings,
    ConversionCapCounter capCounter,
    ChangeFeed changeFeed,
    TimeProvider clock,
    ILogger<PostbackRecorder> logger)
{
    /// <summary>How long a postback waits for the ones ahead of it before the network is told to retry.</summary>
    public static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(10);

    /// <summary>How long one postback waits for a database another writer holds before answering 503.</summary>
    public const int BusyTimeoutSeconds = 5;

    private const int MaxAttempts = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    public const int ForbiddenLogPerMinute = 30;

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _forbiddenGate = new();
    private DateTime _forbiddenWindowStart = DateTime.MinValue;
    private int _forbiddenInWindow;
    private int _forbiddenSkipped;

    public async Task<PostbackResult> RecordAsync(PostbackRequest request, CancellationToken ct)
    {
        var parsed = PostbackParser.Parse(request.Fields);
        if (!parsed.IsValid)
        {
            var entry = NewEntry(request, parsed.SubIdHint, status: null, from: null, PostbackOutcome.Malformed, parsed.Error);
            await TryLogAloneAsync(entry, ct);
            return new PostbackResult(StatusCodes.Status400BadRequest, $"malformed: {parsed.Error}", PostbackOutcome.Malformed, null);
        }

        var postback = parsed.Postback!;
        if (!await _writer.WaitAsync(WriteWait, ct))
            return Busy(postback.SubId, "other postbacks are still being written");
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await RecordOnceAsync(request, postback, ct);
                }
                catch (DbUpdateException ex) when (SqliteCode(ex) == SqliteConstraint && attempt < MaxAttempts)
                {
                    // Another process wrote the same conversion or (subid, tid) first; read again and
                    // the policy sees it.
                    logger.LogInformation("Postback for {SubId} lost a race on a unique index; deciding again", postback.SubId);
                }
                catch (Exception ex) when (SqliteCode(ex) is SqliteBusy or SqliteLocked)
                {
                    logger.LogWarning(ex, "Database busy while recording a postback for {SubId}; answered 503 so the network retries", postback.SubId);
                    return Busy(postback.SubId, "the database is busy");
                }
            }
        }
        finally
        {
            _writer.Release();
        }
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
        var entry = NewEntry(request, subId: null, status: null, from: null, PostbackOutcome.Forbidden,
            "Wrong postback key: the URL's first segment is not this tracker's current key (was it rotated? update the network's postback URL).");
        return TryLogAloneAsync(entry, ct);
    }

    /// <summary>Logs a postback refused before parsing (too large, unreadable body).</summary>
    public Task LogRefusedAsync(string method, string sourceIp, string raw, string reason, CancellationToken ct)
    {
        var request = new PostbackRequest(method, sourceIp, raw, []);
        return TryLogAloneAsync(NewEntry(request, subId: null, status: null, from: null, PostbackOutcome.Malformed, reason), ct);
    }

    private async Task<PostbackResult> RecordOnceAsync(PostbackRequest request, ParsedPostback postback, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        // IMMEDIATE takes the write lock before the reads, so no other writer can slip in between
        // reading "no conversion yet" and inserting one. (Microsoft.Data.Sqlite has no async overload
        // with this choice; BEGIN waits at most busy_timeout.)
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // Microsoft.Data.Sqlite retries a busy database for its default timeout (30 s) on top of SQLite's
        // busy_timeout; a network should hear "retry later" well before it gives up on us.
        var defaultTimeout = connection.DefaultTimeout;
        connection.DefaultTimeout = BusyTimeoutSeconds;
        db.Database.SetCommandTimeout(BusyTimeoutSeconds);
        try
        {
            return await RecordInTransactionAsync(db, connection, request, postback, now, ct);
        }
        finally
        {
            connection.DefaultTimeout = defaultTimeout;
        }
    }

    private async Task<PostbackResult> RecordInTransactionAsync(
        TrackerDbContext db, SqliteConnection connection, PostbackRequest request, ParsedPostback postback, DateTime now, CancellationToken ct)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        await db.Database.UseTransactionAsync(transaction, ct);

        var click = await db.Clicks.SingleOrDefaultAsync(c => c.SubId == postback.SubId, ct);
        if (click is null)
        {
            var hint = PostbackParser.LooksLikeUnfilledToken(postback.SubId)
                ? " It still looks like a network token: the network sent its template without filling in the click id."
                : "";
            var message = $"No click has subid '{postback.SubId}'.{hint}";
            var unknown = NewEntry(request, postback.SubId, postback.Status, postback.From, PostbackOutcome.UnknownSubId, message);
            db.PostbackLog.Add(unknown);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            Published(unknown, null, click: null);
            return new PostbackResult(StatusCodes.Status404NotFound, $"unknown subid: {message}", PostbackOutcome.UnknownSubId, null);
        }

        var conversion = await db.Conversions.SingleOrDefaultAsync(c => c.ClickId == click.Id, ct);
        var transactions = conversion is null
            ? []
            : await db.ConversionTransactions.Where(t => t.SubId == click.SubId).ToListAsync(ct);
        var offer = click.OfferId is { } offerId
            ? await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, ct)
            : null;

        if (offer?.AffiliateNetworkId is { } networkId
            && await SourceNotAllowedAsync(db, networkId, request.SourceIp, ct) is { } notAllowed)
        {
            // Refused before the policy sees it: nothing about the conversion changes.
            logger.LogWarning("Postback for {SubId} refused: {Message}", postback.SubId, notAllowed);
            var refused = NewEntry(request, postback.SubId, postback.Status, postback.From, PostbackOutcome.AddressNotAllowed, notAllowed);
            refused.ConversionId = conversion?.Id;
            db.PostbackLog.Add(refused);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            Published(refused, null, click: null);
            return new PostbackResult(StatusCodes.Status403Forbidden, "forbidden: this address may not send postbacks for this network", PostbackOutcome.AddressNotAllowed, null);
        }

        var decision = PostbackPolicy.Decide(click, conversion, transactions, offer, postback, settings.Current.ToExchangeRates());
        AppliedPostback? applied = null;
        if (decision.ChangesConversion)
        {
            var countedBefore = ConversionRollups.Parts(conversion, transactions);
            applied = PostbackPolicy.Apply(decision, click, conversion, transactions, postback.ClickParameters, now);
            ClickReportColumns.Sync(db.Entry(click));
            if (decision.Action == PostbackAction.Create)
            {
                db.Conversions.Add(applied.Conversion);
                await db.SaveChangesAsync(ct);
            }
            if (applied.NewTransaction is { } added)
            {
                added.ConversionId = applied.Conversion.Id;
                db.ConversionTransactions.Add(added);
            }
            ConversionRollups.Write(connection, click, countedBefore,
                ConversionRollups.Parts(applied.Conversion, applied.NewTransaction is { } t ? [.. transactions, t] : transactions));
        }
        else if (decision.Action == PostbackAction.Refuse)
        {
            logger.LogError("Postback for {SubId} (offer {OfferId}) not recorded: {Message}", postback.SubId, click.OfferId, decision.Message);
        }

        var entry = NewEntry(request, postback.SubId, postback.Status, postback.From, decision.Outcome, decision.Message);
        entry.ConversionId = applied?.Conversion.Id ?? conversion?.Id;
        db.PostbackLog.Add(entry);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        if (applied is not null) capCounter.Record(applied);
        Published(entry, applied?.Conversion, postback.ClickParameters.Count > 0 && applied is not null ? click : null);

        if (decision.Action == PostbackAction.Refuse)
            return new PostbackResult(StatusCodes.Status400BadRequest, $"not recorded: {decision.Message}", decision.Outcome, null);
        var body = postback.Return ?? $"{decision.Outcome.Words()}: {decision.Message}";
        return new PostbackResult(StatusCodes.Status200OK, body, decision.Outcome, entry.ConversionId);
    }

    /// <summary>Why the network's postback IP allow-list refuses <paramref name="sourceIp"/>, or null when it allows it (or is empty).</summary>
    private static async Task<string?> SourceNotAllowedAsync(TrackerDbContext db, int networkId, string sourceIp, CancellationToken ct)
    {
        var network = await db.AffiliateNetworks.AsNoTracking().Where(n => n.Id == networkId)
            .Select(n => new { n.Name, n.PostbackAllowedIps }).SingleOrDefaultAsync(ct);
        if (network is null || string.IsNullOrWhiteSpace(network.PostbackAllowedIps)) return null;
        var allowList = IpAllowList.FromStored(network.PostbackAllowedIps);
        if (allowList.Allows(IPAddress.TryParse(sourceIp, out var address) ? address : null)) return null;
        var from = string.IsNullOrEmpty(sourceIp) ? "an unknown address" : sourceIp;
        return $"Not recorded: the postback came from {from}, which is not in the postback IP allow-list of the network '{network.Name}'. "
            + "If the network sends from a new address, add it to the network's allow-list; the network may resend the postback then.";
    }

    private void Published(PostbackLogEntry entry, Conversion? conversion, Click? click)
    {
        if (conversion is not null) changeFeed.Publish(new ChangeNotice(ChangeNotice.Conversion, conversion.Id, 1));
        if (click is not null) changeFeed.Publish(new ChangeNotice(ChangeNotice.Click, click.Id, 1));
        changeFeed.Publish(new ChangeNotice(ChangeNotice.Postback, entry.Id, 1));
    }

    /// <summary>Writes a log row on its own; a busy database only costs the row, never the answer.</summary>
    private async Task TryLogAloneAsync(PostbackLogEntry entry, CancellationToken ct)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            db.Database.SetCommandTimeout(BusyTimeoutSeconds);
            db.PostbackLog.Add(entry);
            await db.SaveChangesAsync(ct);
            Published(entry, null, null);
        }
        catch (Exception ex) when (SqliteCode(ex) is SqliteBusy or SqliteLocked)
        {
            logger.LogWarning(ex, "Database busy: postback log row '{Outcome}' for {SubId} not written", entry.Outcome, entry.SubId);
        }
    }

    private PostbackLogEntry NewEntry(PostbackRequest request, string? subId, string? status, string? from, PostbackOutcome outcome, string message) => new()
    {
        ReceivedAt = clock.GetUtcNow().UtcDateTime,
        SourceIp = Truncate(request.SourceIp, 45),
        Method = Truncate(request.Method, 8),
        Raw = Truncate(request.Raw, 17000),
        SubId = subId is null ? null : Truncate(subId, 100),
        Status = string.IsNullOrEmpty(status) ? null : Truncate(status, 100),
        From = string.IsNullOrEmpty(from) ? null : Truncate(from, 200),
        Outcome = outcome,
        Message = Truncate(message, 1000),
    };

    private PostbackResult Busy(string subId, string why)
    {
        logger.LogWarning("Postback for {SubId} answered 503: {Why}", subId, why);
        return new PostbackResult(StatusCodes.Status503ServiceUnavailable, $"busy: {why}; retry later.", PostbackOutcome.Failed, null);
    }

    private static int? SqliteCode(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is SqliteException sqlite) return sqlite.SqliteErrorCode;
        return null;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
