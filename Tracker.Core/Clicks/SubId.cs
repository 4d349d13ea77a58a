using System.Security.Cryptography;

namespace Tracker.Core.Clicks;

/// <summary>
/// The click identifier networks echo back in their postbacks: 26 characters from the lowercase
/// base32 symbols (<c>a–z</c>, <c>2–7</c>), because networks lowercase and truncate the sub
/// parameters they store.
/// </summary>
/// <remarks>
/// Six characters of click time (seconds since 2020, in an order-preserving alphabet) followed by
/// twenty random characters (100 bits from the OS's secure generator, above the 96 the product
/// asks for). The time prefix makes new subids sort after older ones, so inserting into the unique
/// subid index touches the same few hot pages instead of a random page per click
/// (docs/adr/time-prefixed-subids.md).
/// </remarks>
public static class SubId
{
    public const int MaxLength = 26;
    public const int TimeLength = 6;
    public const int RandomBits = (MaxLength - TimeLength) * 5;

    // The base32 symbols in ASCII order, so the prefix sorts like the time it encodes.
    private const string Ordered = "234567abcdefghijklmnopqrstuvwxyz";
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string New() => New(DateTime.UtcNow);

    public static string New(DateTime nowUtc) => string.Create(MaxLength, nowUtc, static (chars, now) =>
    {
        // 30 bits of seconds last until 2054; after that the prefix wraps and only index locality suffers.
        var seconds = (ulong)Math.Max(0, (now - Epoch).Ticks / TimeSpan.TicksPerSecond);
        for (var i = TimeLength - 1; i >= 0; i--)
        {
            chars[i] = Ordered[(int)(seconds & 31)];
            seconds >>= 5;
        }
        ReadOnlySpan<byte> random = RandomBytes.Next(13);
        int buffer = 0, bits = 0, index = 0;
        for (var pos = TimeLength; pos < MaxLength; pos++)
        {
            if (bits < 5)
            {
                buffer = (buffer << 8) | random[index++];
                bits += 8;
            }
            chars[pos] = Ordered[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    });

    /// <summary>
    /// Bytes from the operating system's secure generator, fetched 4 KB at a time per thread: one
    /// system call serves about 300 subids instead of one each. Every byte is handed out once.
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
