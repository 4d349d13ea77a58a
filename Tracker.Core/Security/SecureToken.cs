using System.Security.Cryptography;

namespace Tracker.Core.Security;

/// <summary>
/// Unguessable identifiers in lowercase letters and digits only, because affiliate networks
/// lowercase and truncate the sub parameters they echo back.
/// </summary>
public static class SecureToken
{
    // RFC 4648 base32 alphabet, lowercased: 32 symbols, 5 bits each.
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>128 random bits as 26 characters — the subid and key format.</summary>
    public static string Create() => Create(16);

    /// <summary><paramref name="bytes"/> random bytes, base32-encoded without padding.</summary>
    public static string Create(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Encode(buffer);
    }

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length * 8 + 4) / 5];
        int bitBuffer = 0, bitCount = 0, pos = 0;
        foreach (var b in data)
        {
            bitBuffer = (bitBuffer << 8) | b;
            bitCount += 8;
            while (bitCount >= 5)
            {
                chars[pos++] = Alphabet[(bitBuffer >> (bitCount - 5)) & 31];
                bitCount -= 5;
            }
        }
        if (bitCount > 0)
            chars[pos++] = Alphabet[(bitBuffer << (5 - bitCount)) & 31];
        return new string(chars, 0, pos);
    }

    /// <summary>Constant-time comparison of two secrets.</summary>
    public static bool FixedTimeEquals(string? a, string? b)
    {
        if (a is null || b is null) return false;
        var x = System.Text.Encoding.UTF8.GetBytes(a);
        var y = System.Text.Encoding.UTF8.GetBytes(b);
        return CryptographicOperations.FixedTimeEquals(x, y);
    }
}
