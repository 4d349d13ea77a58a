using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using Tracker.Core.Clicks;

namespace Tracker.Core.Bots;

/// <summary>
/// Decides whether a click is a bot, once per click, from the user agent and the already-parsed address.
/// Built once from <see cref="BotLists"/> and shared by every click (immutable): the user-agent entries
/// are one precomputed multi-string matcher (<see cref="SearchValues{T}"/>, case-insensitive, vectorized),
/// and the ranges two sorted tables of disjoint intervals (IPv4 as 32-bit, IPv6 as 128-bit numbers)
/// searched by bisection, and a small cache remembers the answer for recent user agents. A click costs no
/// regex, no LINQ and, for a user agent seen before, no allocation.
/// </summary>
public sealed class BotClassifier
{
    private readonly SearchValues<string>? _userAgentMatcher;
    private readonly BotUserAgentEntry[] _userAgents;
    private readonly uint[] _v4First, _v4Last;
    private readonly int[] _v4Entry;
    private readonly UInt128[] _v6First, _v6Last;
    private readonly int[] _v6Entry;
    private readonly BotIpRangeEntry[] _ranges;

    public BotClassifier(BotLists lists)
    {
        // Later duplicates (the same text in two lists) add nothing; the first list is named in traces.
        _userAgents = [.. lists.UserAgents.DistinctBy(u => u.Text, StringComparer.OrdinalIgnoreCase)];
        _userAgentMatcher = _userAgents.Length == 0
            ? null
            : SearchValues.Create(_userAgents.Select(u => u.Text).ToArray(), StringComparison.OrdinalIgnoreCase);

        _ranges = [.. lists.Ranges];
        (_v4First, _v4Last, _v4Entry) = Disjoint(_ranges, isV6: false, v => (uint)v);
        (_v6First, _v6Last, _v6Entry) = Disjoint(_ranges, isV6: true, v => v);
    }

    /// <summary>A classifier with no lists: only an empty user agent marks a bot.</summary>
    public static BotClassifier EmptyUserAgentOnly { get; } = new(new BotLists());

    public int UserAgentCount => _userAgents.Length;

    public int V4RangeCount => _v4First.Length;

    public int V6RangeCount => _v6First.Length;

    /// <summary>
    /// The first reason that applies: an empty user agent, a listed user agent, a listed address.
    /// An IPv4 address mapped into IPv6 (<c>::ffff:1.2.3.4</c>) is looked up as IPv4.
    /// </summary>
    public BotVerdict Classify(string? userAgent, IPAddress? address)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return new BotVerdict(BotReason.EmptyUserAgent, -1);
        if (_userAgentMatcher is not null)
        {
            var listed = UserAgentEntry(userAgent);
            if (listed != NotListed) return new BotVerdict(BotReason.BotUserAgent, listed);
        }
        if (address is null) return BotVerdict.Human;
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written)) return BotVerdict.Human;
        int entry;
        if (written == 4)
            entry = Find(_v4First, _v4Last, _v4Entry, BinaryPrimitives.ReadUInt32BigEndian(bytes));
        else if (IsV4Mapped(bytes))
            entry = Find(_v4First, _v4Last, _v4Entry, BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]));
        else
            entry = Find(_v6First, _v6Last, _v6Entry, BinaryPrimitives.ReadUInt128BigEndian(bytes));
        return entry >= 0 ? new BotVerdict(BotReason.DatacenterIp, entry) : BotVerdict.Human;
    }

    /// <summary>The verdict in words for the click's decision trace (allocates: call it for bots only).</summary>
    public string Describe(BotVerdict verdict, string? ip = null) => verdict.Reason switch
    {
        BotReason.None => "not a bot",
        BotReason.EmptyUserAgent => "the request has no user agent",
        BotReason.BotUserAgent when verdict.Entry >= 0 && verdict.Entry < _userAgents.Length =>
            $"the user agent contains \"{_userAgents[verdict.Entry].Text}\" (list {_userAgents[verdict.Entry].Source})",
        BotReason.BotUserAgent => "the user agent is a listed bot",
        BotReason.DatacenterIp when verdict.Entry >= 0 && verdict.Entry < _ranges.Length =>
            $"the address {ip} is in the datacenter range {_ranges[verdict.Entry].Range} (list {_ranges[verdict.Entry].Source})",
        BotReason.DatacenterIp => "the address is in a listed datacenter range",
    };

    private const int NotListed = int.MinValue;
    private const int CacheBits = 12;
    private readonly CachedUserAgent?[] _cache = new CachedUserAgent?[1 << CacheBits];

    /// <summary>The answer for one user agent; slots hold immutable entries, so a reader sees a whole entry or none.</summary>
    private sealed class CachedUserAgent(string userAgent, int entry)
    {
        public readonly string UserAgent = userAgent;
        public readonly int Entry = entry;
    }

    /// <summary>
    /// The listed entry the user agent contains, or <see cref="NotListed"/>. Traffic repeats a few thousand
    /// user agents, so a direct-mapped cache answers most clicks with a hash and one comparison instead of
    /// a scan of the string for every entry (allocating only when a new user agent takes a slot).
    /// </summary>
    private int UserAgentEntry(string userAgent)
    {
        var slot = string.GetHashCode(userAgent.AsSpan()) & ((1 << CacheBits) - 1);
        if (_cache[slot] is { } hit && string.Equals(hit.UserAgent, userAgent, StringComparison.Ordinal)) return hit.Entry;
        var span = userAgent.AsSpan();
        var at = span.IndexOfAny(_userAgentMatcher!);
        var entry = at < 0 ? NotListed : UserAgentAt(span[at..]);
        _cache[slot] = new CachedUserAgent(userAgent, entry);
        return entry;
    }

    private int UserAgentAt(ReadOnlySpan<char> rest)
    {
        // Only for bots: which entry starts where the matcher stopped.
        for (var i = 0; i < _userAgents.Length; i++)
            if (rest.StartsWith(_userAgents[i].Text, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static bool IsV4Mapped(ReadOnlySpan<byte> v6)
    {
        for (var i = 0; i < 10; i++) if (v6[i] != 0) return false;
        return v6[10] == 0xff && v6[11] == 0xff;
    }

    /// <summary>The index of the entry whose interval holds <paramref name="value"/>, or -1: the last interval starting at or before it, by bisection.</summary>
    private static int Find<T>(T[] first, T[] last, int[] entry, T value) where T : struct, IComparable<T>
    {
        int lo = 0, hi = first.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (first[mid].CompareTo(value) <= 0) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 && value.CompareTo(last[found]) <= 0 ? entry[found] : -1;
    }

    /// <summary>
    /// Sorted, disjoint intervals of one family. CIDR networks are either nested or apart, so dropping
    /// every network inside an earlier one leaves disjoint intervals, each still a listed network.
    /// </summary>
    private static (T[] First, T[] Last, int[] Entry) Disjoint<T>(BotIpRangeEntry[] ranges, bool isV6, Func<UInt128, T> convert)
    {
        var order = Enumerable.Range(0, ranges.Length)
            .Where(i => ranges[i].Range.IsV6 == isV6)
            .OrderBy(i => ranges[i].Range.First).ThenByDescending(i => ranges[i].Range.Last)
            .ToList();
        var first = new List<T>();
        var last = new List<T>();
        var entry = new List<int>();
        UInt128? reach = null;
        foreach (var i in order)
        {
            var r = ranges[i].Range;
            if (reach is { } end && r.Last <= end) continue;
            first.Add(convert(r.First));
            last.Add(convert(r.Last));
            entry.Add(i);
            reach = r.Last;
        }
        return ([.. first], [.. last], [.. entry]);
    }
}
