using Tracker.Core.Offers;
using Tracker.Core.Validation;

namespace Tracker.Core.Networks;

/// <summary>
/// An affiliate network: its offer parameters are appended to the URL of every offer that names it,
/// so the network receives the <c>{subid}</c> it must send back in its postback.
/// </summary>
public sealed class AffiliateNetwork : IVersioned
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Query style (<c>&amp;sub1={subid}</c>) or path style (<c>/{subid}</c>).</summary>
    public string OfferParameters { get; set; } = "";

    /// <summary>Extra parameters appended to this tracker's postback URL for this network (its own tokens).</summary>
    public string PostbackParameters { get; set; } = "";

    /// <summary>Catalogue template this network was created from, if any.</summary>
    public string? TemplateKey { get; set; }

    public string Notes { get; set; } = "";

    /// <summary>
    /// IP addresses and CIDR ranges (one a line) this network's postbacks come from; empty accepts any
    /// address. A postback for a click of this network from elsewhere is refused and logged.
    /// </summary>
    public string PostbackAllowedIps { get; set; } = "";

    public ItemState State { get; set; } = ItemState.Active;

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
