using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Tracker.Web.Options;

namespace Tracker.Web.Clicks;

/// <summary>
/// Decides whether a click is unique: the same IP + user agent has not clicked the same campaign
/// within the campaign's window. Kept in memory as one hash set of 64-bit fingerprints per hour, so
/// forgetting old clicks is dropping a whole hour, and memory stays under
/// <see cref="ClickTrackingOptions.UniquenessMemoryEntries"/>.
/// </summary>
/// <remarks>
/// Precise to the hour: a repeat click counts as not unique for between N and N+1 hours after the
/// previous one. After a restart the memory is refilled from the clicks table in the background
/// (<see cref="Remember"/>); clicks arriving in the first seconds, before that finishes, may count
/// as unique once more. Fingerprints are seeded per process, so nobody can craft two visitors that
/// collide.
/// </remarks>
public sealed class UniquenessTracker(IOptions<ClickTrackingOptions> options)
{
    /// <summary>Windows longer than this are treated as this long (31 days).</summary>
    public const int MaxWindowHours = 24 * 31;

    private readonly int _maxEntries = options.Value.UniquenessMemoryEntries;
    private readonly ulong _seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
    private readonly Lock _gate = new();
    private readonly List<HourBucket> _hours = [];
    private long _entries;

    /// <summary>Fingerprints currently remembered.</summary>
    public long Entries => Interlocked.Read(ref _entries);

    /// <summary>True when this is the visitor's first click on the campaign within the window; remembers the click either way.</summary>
    public bool Observe(int campaignId, string ip, string userAgent, int windowHours, DateTime nowUtc)
    {
        var key = Fingerprint(campaignId, ip, userAgent);
        var hour = nowUtc.Ticks / TimeSpan.TicksPerHour;
        var window = Math.Clamp(windowHours, 0, MaxWindowHours);
        lock (_gate)
        {
            var current = CurrentBucket(hour);
            var seen = false;
            if (window > 0)
            {
                for (var i = _hours.Count - 1; i >= 0 && _hours[i].Hour >= hour - window; i--)
                {
                    if (_hours[i].Keys.Contains(key))
                    {
                        seen = true;
                        break;
                    }
                }
            }
            if (current.Keys.Add(key)) _entries++;
            while (_entries > _maxEntries && _hours.Count > 1)
            {
                _entries -= _hours[0].Keys.Count;
                _hours.RemoveAt(0);
            }
            return !seen;
        }
    }

    /// <summary>
    /// Remembers clicks recorded before a restart (oldest first), so returning visitors are not
    /// counted as unique again just because the process restarted.
    /// </summary>
    public void Remember(IEnumerable<(int CampaignId, string Ip, string UserAgent, DateTime AtUtc)> clicks)
    {
        foreach (var chunk in clicks.Chunk(4096))
        {
            lock (_gate)
            {
                foreach (var (campaignId, ip, userAgent, at) in chunk)
                {
                    var bucket = BucketFor(at.Ticks / TimeSpan.TicksPerHour);
                    if (bucket is not null && bucket.Keys.Add(Fingerprint(campaignId, ip, userAgent))) _entries++;
                }
                while (_entries > _maxEntries && _hours.Count > 1)
                {
                    _entries -= _hours[0].Keys.Count;
                    _hours.RemoveAt(0);
                }
            }
        }
    }

    // The bucket of a past hour, created in order; null when that hour is older than anything kept.
    private HourBucket? BucketFor(long hour)
    {
        var i = _hours.Count - 1;
        while (i >= 0 && _hours[i].Hour > hour) i--;
        if (i >= 0 && _hours[i].Hour == hour) return _hours[i];
        if (_hours.Count > 0 && _hours[^1].Hour - hour > MaxWindowHours) return null;
        var bucket = new HourBucket(hour);
        _hours.Insert(i + 1, bucket);
        return bucket;
    }

    private HourBucket CurrentBucket(long hour)
    {
        if (_hours.Count > 0 && _hours[^1].Hour >= hour) return _hours[^1];
        var removable = 0;
        while (removable < _hours.Count && _hours[removable].Hour < hour - MaxWindowHours)
            _entries -= _hours[removable++].Keys.Count;
        _hours.RemoveRange(0, removable);
        var bucket = new HourBucket(hour);
        _hours.Add(bucket);
        return bucket;
    }

    // FNV-1a (64-bit) from a per-process random basis: fast, well spread, and not predictable from outside.
    private ulong Fingerprint(int campaignId, string ip, string userAgent)
    {
        const ulong prime = 1099511628211;
        var h = _seed ^ 14695981039346656037;
        h = (h ^ (uint)campaignId) * prime;
        foreach (var c in ip) h = (h ^ c) * prime;
        h = (h ^ 0xFFFF) * prime;
        foreach (var c in userAgent) h = (h ^ c) * prime;
        return h;
    }

    private sealed class HourBucket(long hour)
    {
        public long Hour { get; } = hour;

        public HashSet<ulong> Keys { get; } = [];
    }
}
