using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Tracker.Web.Options;

namespace Tracker.Web.Security;

/// <summary>
/// Refuses logins from an address after too many failures within the lockout window, so a password
/// cannot be guessed online. In memory: a restart forgets, which only helps the legitimate admin.
/// </summary>
public sealed class LoginThrottle(IOptions<TrackerOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>When the address may try again, or null when it may try now.</summary>
    public DateTimeOffset? LockedUntil(string address)
    {
        if (!_failures.TryGetValue(address, out var f)) return null;
        var now = clock.GetUtcNow();
        lock (f)
        {
            f.Prune(now - Window);
            if (f.Times.Count < options.Value.MaxFailedLogins) return null;
            return f.Times[^options.Value.MaxFailedLogins] + Window;
        }
    }

    public void RecordFailure(string address)
    {
        var f = _failures.GetOrAdd(address, _ => new Failures());
        lock (f) f.Times.Add(clock.GetUtcNow());
        if (_failures.Count > 10_000) Sweep();
    }

    public void RecordSuccess(string address) => _failures.TryRemove(address, out _);

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.LoginLockoutMinutes);

    private void Sweep()
    {
        var cutoff = clock.GetUtcNow() - Window;
        foreach (var (key, f) in _failures)
            lock (f)
            {
                f.Prune(cutoff);
                if (f.Times.Count == 0) _failures.TryRemove(key, out _);
            }
    }

    private sealed class Failures
    {
        public List<DateTimeOffset> Times { get; } = [];
        public void Prune(DateTimeOffset cutoff) => Times.RemoveAll(t => t < cutoff);
    }
}
