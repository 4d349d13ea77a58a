using System.Security.Cryptography;

namespace Tracker.Core.Clicks;

/// <summary>
/// The click identifier networks echo back in their postbacks: 26 characters from the lowercase
/// base32 symbols (<c>a–z</c>, <c>2–7</c>), because networks lowercase and truncate the sub
/// parameters they store.
/// </summary>
/// <remarks>
/// The 130 bits behind the 26 characters are the click time in sixteenths of a second since 2020
/// (34 bits, in an order-preserving alphabet) followed by 96 random bits from the OS's secure
/// generator. The time prefix makes new subids sort after older ones, and it tells a lookup which
/// sixteenth of a second the click was stored in: clicks are found through the time index
/// (<see cref="TimeWindow"/>), so the clicks table needs no index of its own on a random key
/// (docs/adr/0005-time-prefixed-subids.md).
/// </remarks>
public static class SubId
{
    public const int MaxLength = 26;
    public const int TimeBits = 34;
    public const int RandomBits = MaxLength * 5 - TimeBits;

    /// <summary>How finely the subid records its click's time: a sixteenth of a second.</summary>
    public static readonly TimeSpan TimeStep = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 16);

    // The base32 symbols in ASCII order, so the prefix sorts like the time it encodes.
    private const string Ordered = "234567abcdefghijklmnopqrstuvwxyz";
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const ulong TimeMask = (1UL << TimeBits) - 1;

    public static string New() => New(DateTime.UtcNow);

    /// <param name="nowUtc">The click's time, the same value that is stored as its <c>CreatedAt</c>.</param>
    public static string New(DateTime nowUtc) => string.Create(MaxLength, nowUtc, static (chars, now) =>
    {
        // 34 bits of sixteenths last until 2054; after that the prefix wraps (see TimeWindow).
        var steps = (ulong)Math.Max(0, (now - Epoch).Ticks / TimeStep.Ticks) & TimeMask;
        ReadOnlySpan<byte> random = RandomBytes.Next(RandomBits / 8);
        // The bit string is time (34 bits) then random (96 bits), read five bits per character.
        ulong buffer = steps;
        int bits = TimeBits, index = 0;
        for (var pos = 0; pos < MaxLength; pos++)
        {
            if (bits < 5)
            {
                buffer = (buffer << 8) | random[index++];
                bits += 8;
            }
            chars[pos] = Ordered[(int)(buffer >> (bits - 5)) & 31];
            bits -= 5;
            buffer &= (1UL << bits) - 1;
        }
    });

    /// <summary>
    /// The sixteenth of a second a subid made by <see cref="New(DateTime)"/> was created in: a click
    /// with this subid has <c>from ≤ CreatedAt &lt; to</c>. Null for anything that is not 26 of our
    /// symbols. A subid made another way (before this layout, or typed by hand) decodes to some window
    /// that its click is not in; callers then fall back to the subids kept from before.
    /// </summary>
    public static (DateTime From, DateTime To)? TimeWindow(ReadOnlySpan<char> subId)
    {
        if (subId.Length != MaxLength) return null;
        ulong value = 0;
        for (var pos = 0; pos < 7; pos++)
        {
            var symbol = Ordered.IndexOf(subId[pos]);
            if (symbol < 0) return null;
            value = (value << 5) | (uint)symbol;
        }
        foreach (var c in subId[7..])
            if (Ordered.IndexOf(c) < 0) return null;
        var steps = (long)(value >> (7 * 5 - TimeBits));
        var from = Epoch.AddTicks(steps * TimeStep.Ticks);
        return (from, from + TimeStep);
    }

    /// <summary>
    /// Bytes from the operating system's secure generator, fetched 4 KB at a time per thread: one
    /// system call serves about 340 subids instead of one each. Every byte is handed out once.
    /// </summary>
    private static class RandomBytes
    {
        private const int Size = 4096;

        [ThreadStatic] private static byte[]? _buffer;
        [ThreadStatic] private static int _used;

        public static ReadOnlySpan<byte> Next(int count)
        {
            var buffer = _buffer ??= new byte[Size];
            if (_used == 0 || _used + count > Size)
            {
                RandomNumberGenerator.Fill(buffer);
                _used = 0;
            }
            var span = buffer.AsSpan(_used, count);
            _used += count;
            return span;
        }
    }

    /// <summary>Lowercase letters and digits, 1–26 characters: the shape any subid we issued has.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > MaxLength) return false;
        foreach (var c in value)
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
                return false;
        return true;
    }
}
