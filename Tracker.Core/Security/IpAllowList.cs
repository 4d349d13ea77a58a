using System.Net;
using System.Net.Sockets;
using Tracker.Core.Validation;

namespace Tracker.Core.Security;

/// <summary>
/// A list of IP addresses and CIDR ranges (IPv4 and IPv6) that may reach something: the admin, or a
/// network's postbacks. Written one entry per line (commas and spaces also separate entries); an
/// empty list allows everyone. IPv4 clients seen as IPv4-mapped IPv6 (<c>::ffff:203.0.113.7</c>)
/// match IPv4 entries.
/// </summary>
public sealed class IpAllowList
{
    public const int MaxEntries = 200;

    public static readonly IpAllowList Empty = new([], []);

    private static readonly char[] Separators = ['\n', '\r', ',', ';', ' ', '\t'];

    private readonly IPNetwork[] _networks;

    private IpAllowList(IPNetwork[] networks, string[] entries)
    {
        _networks = networks;
        Entries = entries;
    }

    /// <summary>The entries in their normalized spelling (<c>203.0.113.7</c>, <c>2001:db8::/32</c>).</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>True when no entry is set: nobody is restricted.</summary>
    public bool IsEmpty => _networks.Length == 0;

    /// <summary>True when the list is empty or the address is in one of its entries.</summary>
    public bool Allows(IPAddress? address)
    {
        if (IsEmpty) return true;
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var network in _networks)
            if (network.Contains(address)) return true;
        return false;
    }

    /// <summary>The list as stored: one normalized entry per line.</summary>
    public override string ToString() => string.Join('\n', Entries);

    /// <summary>Splits free text (one entry per line, or separated by commas or spaces) into entries.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses stored or typed text; every bad entry is named in <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public static IpAllowList Parse(string? text, ValidationErrors errors, string field) =>
        Parse(Split(text), errors, field);

    public static IpAllowList Parse(IEnumerable<string?> entries, ValidationErrors errors, string field)
    {
        var networks = new List<IPNetwork>();
        var normalized = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in entries)
        {
            var entry = raw?.Trim() ?? "";
            if (entry.Length == 0) continue;
            var (network, error) = ParseEntry(entry);
            if (error is not null)
            {
                errors.Add(field, error);
                continue;
            }
            var spelled = Spell(network);
            if (seen.Add(spelled))
            {
                networks.Add(network);
                normalized.Add(spelled);
            }
        }
        if (normalized.Count > MaxEntries)
            errors.Add(field, $"At most {MaxEntries} entries; use CIDR ranges (e.g. 203.0.113.0/24) to cover many addresses.");
        return networks.Count == 0 ? Empty : new IpAllowList([.. networks], [.. normalized]);
    }

    /// <summary>Parses a list that was validated when it was saved; a bad entry (hand-edited database) is skipped.</summary>
    public static IpAllowList FromStored(string? text) => Parse(text, new ValidationErrors(), "stored");

    private static (IPNetwork Network, string? Error) ParseEntry(string entry)
    {
        if (entry.Length > 64) return (default, $"'{entry[..20]}…' is not an IP address or a CIDR range.");
        var slash = entry.IndexOf('/');
        var addressText = slash < 0 ? entry : entry[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%')
            || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
            return (default, $"'{entry}' is not an IP address or a CIDR range (e.g. 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32).");
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0)
        {
            var prefixText = entry[(slash + 1)..];
            if (!int.TryParse(prefixText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > maxPrefix)
                return (default, $"'{entry}': the prefix length after '/' must be a number from 0 to {maxPrefix}.");
        }
        var network = new IPNetwork(Mask(address, prefix), prefix);
        if (slash >= 0 && !network.BaseAddress.Equals(address))
            return (default, $"'{entry}' has bits set after the first {prefix}: did you mean {Spell(network)}?");
        if (prefix == 0)
            return (default, $"'{entry}' would allow every address; leave the list empty instead.");
        return (network, null);
    }

    private static string Spell(IPNetwork network)
    {
        var max = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        return network.PrefixLength == max ? network.BaseAddress.ToString() : network.ToString();
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
        return new IPAddress(bytes);
    }
}
