using System.Net;

namespace Tracker.Core.Security;

/// <summary>How an address is shown to people: IPv4 clients of a dual-stack socket without the <c>::ffff:</c> prefix.</summary>
public static class IpDisplay
{
    public static string Of(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
