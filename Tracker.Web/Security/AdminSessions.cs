using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Admin;
using Tracker.Core.Security;
using Tracker.Web.Data;

namespace Tracker.Web.Security;

/// <summary>
/// The admin's logins, kept server-side (<c>admin_sessions</c>): the login cookie only names a session,
/// and a session revoked here (logout, "sign out everywhere", a password change, the
/// <c>admin reset-*</c> commands) is refused on the next request however many copies of the cookie exist.
/// </summary>
/// <remarks>
/// Every admin request and circuit checks its session, so the answer is cached in memory: revocations
/// made by this process take effect at once; one made by another process (the command line, while the
/// server runs) within <see cref="RecheckAfter"/>.
/// </remarks>
public sealed class AdminSessions(IDbContextFactory<TrackerDbContext> contextFactory, TimeProvider clock, ILogger<AdminSessions> logger)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    /// <summary>Sessions older than this are deleted at the next login (the cookie lasts 14 days, sliding).</summary>
    public static readonly TimeSpan KeepRevokedFor = TimeSpan.FromDays(30);

    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);

    /// <summary>Raised with the revoked session ids, so open circuits of those sessions sign out at once.</summary>
    public event Action<IReadOnlySet<string>>? Revoked;

    public async Task<string> CreateAsync(int userId, HttpContext? http, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new AdminSession
        {
            Id = SecureToken.Create(24),
            UserId = userId,
            CreatedAt = now,
            Address = http?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Shorten(http?.Request.Headers.UserAgent.ToString()),
        };
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        db.AdminSessions.Add(session);
        await db.SaveChangesAsync(ct);
        // Housekeeping at a moment that is rare anyway: revoked sessions and ones whose cookie has long expired.
        var cutoff = now - KeepRevokedFor;
        await db.AdminSessions.Where(s => s.CreatedAt < cutoff || s.RevokedAt < cutoff).ExecuteDeleteAsync(ct);
        _cache[session.Id] = new Cached(userId, true, clock.GetTimestamp());
        return session.Id;
    }

    /// <summary>True when the session exists, belongs to the user and was not revoked. Cached.</summary>
    public async Task<bool> IsActiveAsync(string? sessionId, int? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId) || userId is null) return false;
        if (_cache.TryGetValue(sessionId, out var cached) && clock.GetElapsedTime(cached.CheckedAt) < RecheckAfter)
            return cached.Active && cached.UserId == userId;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.AdminSessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.UserId, s.RevokedAt })
            .SingleOrDefaultAsync(ct);
        var entry = new Cached(row?.UserId ?? 0, row is not null && row.RevokedAt is null, clock.GetTimestamp());
        // Unknown ids are cached too (briefly), so a flood of forged cookies cannot hammer the database;
        // the cache is bounded because the cookie is encrypted: only ids this tracker issued can appear.
        _cache[sessionId] = entry;
        if (_cache.Count > 10_000) _cache.Clear();
        return entry.Active && entry.UserId == userId;
    }

    /// <summary>Logs one session out (logout).</summary>
    public async Task RevokeAsync(string? sessionId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.AdminSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        Forget([sessionId]);
    }

    /// <summary>Logs out every session of the user except <paramref name="keep"/> (null: all of them). Returns how many.</summary>
    public async Task<int> RevokeAllAsync(int userId, string? keep = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var ids = await db.AdminSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != keep)
            .Select(s => s.Id).ToListAsync(ct);
        await db.AdminSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        Forget(ids);
        return ids.Count;
    }

    /// <summary>How many sessions of the user are logged in (for the account page).</summary>
    public async Task<int> CountActiveAsync(int userId, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(14);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.AdminSessions.CountAsync(s => s.UserId == userId && s.RevokedAt == null && s.CreatedAt > cutoff, ct);
    }

    private void Forget(IEnumerable<string> ids)
    {
        var set = new HashSet<string>(ids, StringComparer.Ordinal);
        var now = clock.GetTimestamp();
        foreach (var id in set)
            _cache[id] = new Cached(_cache.TryGetValue(id, out var c) ? c.UserId : 0, false, now);
        if (set.Count == 0) return;
        try
        {
            Revoked?.Invoke(set);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not notify open admin circuits of revoked sessions");
        }
    }

    private static string? Shorten(string? s) => string.IsNullOrEmpty(s) ? null : s.Length <= 200 ? s : s[..200];

    private sealed record Cached(int UserId, bool Active, long CheckedAt);
}
