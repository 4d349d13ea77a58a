using System.ComponentModel;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>The admin IP allow-list: who may reach /admin, /_blazor and /api at all.</summary>
public sealed record AdminAccessDto
{
    [Description("IP addresses and CIDR ranges (IPv4 and IPv6), e.g. [\"203.0.113.7\", \"198.51.100.0/24\", \"2001:db8::/32\"]. Empty: every address may reach the admin (the login still applies). Stored normalized.")]
    public List<string> AllowList { get; init; } = [];

    [ReadOnlyField, Description("The address this request comes from, as the tracker sees it (after trusted proxies' X-Forwarded-For). A list must include it unless force is true.")]
    public string YourAddress { get; init; } = "";

    [Description("Request only. true saves a list that does not include yourAddress; the next request from that address is refused (403). Undo with 'admin clear-allow-list' on the server.")]
    public bool Force { get; init; }

    [Description("Increases on every change. Required on PUT: the version you last read; an older one answers 409.")]
    public int Version { get; init; }
}
