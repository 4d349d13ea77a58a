using System.Text;

namespace Tracker.Core.Clicks;

/// <summary>RFC 3986 percent-encoding of UTF-8; only unreserved characters (<c>A–Z a–z 0–9 - . _ ~</c>) stay literal.</summary>
public static class PercentEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static bool IsUnreserved(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';

    public static void Append(StringBuilder target, ReadOnlySpan<char> value)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && IsUnreserved((char)rune.Value))
            {
                target.Append((char)rune.Value);
                continue;
            }
            var n = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < n; i++)
                AppendByte(target, utf8[i]);
        }
    }

    public static void AppendByte(StringBuilder target, byte b) =>
        target.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 15]);
}
