using Tracker.Core.Amounts;
using Tracker.Core.Validation;

namespace Tracker.Core.Offers;

/// <summary>
/// Where visitors are sent and how the money for them is counted (Keitaro's Offers page, field by field).
/// </summary>
public sealed class Offer : IVersioned
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int? GroupId { get; set; }

    /// <summary>The network whose offer parameters are appended to <see cref="Url"/>.</summary>
    public int? AffiliateNetworkId { get; set; }

    public RedirectType RedirectType { get; set; } = RedirectType.Http;

    /// <summary>Absolute http/https URL; macros such as <c>{subid}</c> allowed.</summary>
    public string Url { get; set; } = "";

    /// <summary>A local offer serves an uploaded archive's entry page instead of redirecting.</summary>
    public bool IsLocal { get; set; }

    /// <summary>Unguessable key of the extracted archive under <c>/lo/{key}/</c>; null until uploaded.</summary>
    public string? LocalKey { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes; metadata that helps pick offers for streams.</summary>
    public List<string> Countries { get; set; } = [];

    public PayoutType PayoutType { get; set; } = PayoutType.Cpa;

    /// <summary>Auto: the payout comes from the postback (<c>&amp;payout=0.5&amp;currency=usd</c>).</summary>
    public bool PayoutAuto { get; set; }

    /// <summary>Fixed payout in micro-units of <see cref="PayoutCurrency"/>.</summary>
    public long PayoutMicros { get; set; }

    public string PayoutCurrency { get; set; } = "USD";

    /// <summary>Repeated postbacks with a new <c>tid</c> add revenue to the conversion.</summary>
    public bool Rebills { get; set; }

    public ConversionCap ConversionCap { get; set; } = new();

    /// <summary>Free text, visible only to the admin.</summary>
    public string Notes { get; set; } = "";

    public ItemState State { get; set; } = ItemState.Active;

    /// <summary>Increases on every change; an edit over an older version is a conflict.</summary>
    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Money Payout => new(PayoutMicros, PayoutCurrency);

    /// <summary>A copy for the "Duplicate" action: same settings, new identity, not local content.</summary>
    public Offer Duplicate(string newName) => new()
    {
        Name = newName,
        GroupId = GroupId,
        AffiliateNetworkId = AffiliateNetworkId,
        RedirectType = RedirectType,
        Url = Url,
        IsLocal = false,
        Countries = [.. Countries],
        PayoutType = PayoutType,
        PayoutAuto = PayoutAuto,
        PayoutMicros = PayoutMicros,
        PayoutCurrency = PayoutCurrency,
        Rebills = Rebills,
        ConversionCap = ConversionCap with { AlternativeOfferId = ConversionCap.AlternativeOfferId },
        Notes = Notes,
        State = ItemState.Active,
    };
}
