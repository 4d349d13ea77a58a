using System.ComponentModel;
using Tracker.Core.Offers;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>An affiliate network as the API sends and receives it. A PUT replaces every writable field.</summary>
public sealed record AffiliateNetworkDto
{
    [ReadOnlyField, Description("Assigned by the tracker; ignored in requests (the route's id wins on PUT).")]
    public int Id { get; init; }

    [Description("Required, at most 200 characters.")]
    public string Name { get; init; } = "";

    [Description("Appended to the URL of every offer of this network so it receives the click's subid: query style &sub1={subid} or path style /{subid}.")]
    public string OfferParameters { get; init; } = "";

    [Description("The network's own tokens appended to this tracker's postback URL, e.g. subid={sub1}&payout={payout}&status={status}.")]
    public string PostbackParameters { get; init; } = "";

    [ReadOnlyField, Description("This tracker's postback URL with the postback parameters, ready to paste into the network.")]
    public string PostbackUrl { get; init; } = "";

    [Description("Key of the built-in template the network was created from, or null.")]
    public string? TemplateKey { get; init; }

    [Description("Optional. IP addresses and CIDR ranges (IPv4 or IPv6) this network's postbacks come from, e.g. [\"203.0.113.10\", \"198.51.100.0/24\"]. When set, a postback for a click of this network from another address is refused with 403, logged (outcome 'address not allowed') and not recorded. Empty or omitted: any address.")]
    public List<string> PostbackAllowedIps { get; init; } = [];

    [Description("Free text, visible only to the admin.")]
    public string Notes { get; init; } = "";

    [Description("active or archived.")]
    public ItemState State { get; init; } = ItemState.Active;

    [ReadOnlyField, Description("How many offers use this network.")]
    public int OfferCount { get; init; }

    [Description("Increases on every change. Required on PUT: the version you last read; an older one answers 409.")]
    public int Version { get; init; }

    [ReadOnlyField, Description("UTC time the network was created.")]
    public DateTime CreatedAt { get; init; }

    [ReadOnlyField, Description("UTC time of the last change.")]
    public DateTime UpdatedAt { get; init; }
}
