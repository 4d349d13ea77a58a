using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tracker.Core.Bots;

/// <summary>
/// An IPv4 or IPv6 network in CIDR notation (<c>203.0.113.0/24</c>, <c>2001:db8::/32</c>), or a single
/// address (a /32 or /128). IPv4 addresses are held as 32-bit numbers, IPv6 as 128-bit ones, so a
/// range is just its first and last address.
/// </summary>
public readonly record struct IpRange(bool IsV6, UInt128 First, UInt128 Last, int PrefixLength)
{
    /// <summary>Parses <paramref name="text"/>; null when it is valid, else what is wrong, in words.</summary>
    public static string? TryParse(string text, out IpRange range)
    {
        range = default;
        text = text.Trim();
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%'))
            return $"'{text}' is not an IPv4 or IPv6 network such as 203.0.113.0/24 or 2001:db8::/32.";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var isV6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var bits = isV6 ? 128 : 32;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
            return $"'{text}': the prefix length after '/' must be a number from 0 to {bits}.";
        var value = ToNumber(address);
        var hostMask = prefix == bits ? UInt128.Zero : (isV6 ? UInt128.MaxValue : uint.MaxValue) >> prefix;
        if ((value & hostMask) != 0)
        {
            var network = FromNumber(value & ~hostMask, isV6);
            return $"'{text}' has bits set after its /{prefix} prefix; the network is {network}/{prefix}.";
        }
        range = new IpRange(isV6, value, value | hostMask, prefix);
        return null;
    }

    /// <summary>The range in CIDR notation.</summary>
    public override string ToString() => $"{FromNumber(First, IsV6)}/{PrefixLength}";

    private static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static IPAddress FromNumber(UInt128 value, bool isV6)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!isV6)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
            return new IPAddress(bytes[..4]);
        }
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
