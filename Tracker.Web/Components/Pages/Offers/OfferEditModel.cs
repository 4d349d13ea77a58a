using Mapster;
using Tracker.Core.Amounts;
using Tracker.Core.Offers;

namespace Tracker.Web.Components.Pages.Offers;

/// <summary>
/// What the offer editor edits: the offer's fields in the shapes the inputs want (payout as a decimal,
/// the conversion cap flattened). Mapped to and from <see cref="Offer"/> by Mapster (see <see cref="ConfigureMapping"/>).
/// </summary>
public sealed class OfferEditModel
{
    public int Id { get; set; }

    /// <summary>The version this edit started from; saving over a newer one is a conflict.</summary>
    public int Version { get; set; }

    public ItemState State { get; set; } = ItemState.Active;

    public string? LocalKey { get; set; }

    public string Name { get; set; } = "";

    public int? AffiliateNetworkId { get; set; }

    public RedirectType RedirectType { get; set; } = RedirectType.Http;

    public string Url { get; set; } = "";

    public bool IsLocal { get; set; }

    public int? GroupId { get; set; }

    public List<string> Countries { get; set; } = [];

    public PayoutType PayoutType { get; set; } = PayoutType.Cpa;

    public bool PayoutAuto { get; set; }

    /// <summary>In currency units (12.5 = 12.50); stored as micro-units.</summary>
    public decimal PayoutValue { get; set; }

    public string PayoutCurrency { get; set; } = "USD";

    public bool Rebills { get; set; }

    public bool ConversionCapEnabled { get; set; }

    public int ConversionCapDailyLimit { get; set; }

    public string ConversionCapTimeZone { get; set; } = "UTC";

    public int? ConversionCapAlternativeOfferId { get; set; }

    public string Notes { get; set; } = "";

    public bool IsNew => Id == 0;

    /// <summary>
    /// Fields whose typed text cannot be read (by validator key), with the message shown under them. The
    /// field keeps the text and the last good value; the editor refuses to save while any is here.
    /// Not an offer field: not compared, not copied by <see cref="Clone"/>.
    /// </summary>
    public Dictionary<string, string> InputErrors { get; } = new(StringComparer.Ordinal);

    public static readonly IReadOnlyList<OfferField> Fields =
    [
        new("name", "Name", OfferTab.Main, m => m.Name, (s, t) => t.Name = s.Name),
        new("affiliateNetworkId", "Affiliate network", OfferTab.Main, m => m.AffiliateNetworkId, (s, t) => t.AffiliateNetworkId = s.AffiliateNetworkId),
        new("redirectType", "Redirect", OfferTab.Main, m => m.RedirectType, (s, t) => t.RedirectType = s.RedirectType),
        new("url", "URL", OfferTab.Main, m => m.Url, (s, t) => t.Url = s.Url),
        new("isLocal", "Local offer", OfferTab.Main, m => m.IsLocal, (s, t) => t.IsLocal = s.IsLocal),
        new("groupId", "Group", OfferTab.Additional, m => m.GroupId, (s, t) => t.GroupId = s.GroupId),
        new("countries", "Countries", OfferTab.Additional, m => string.Join(',', m.Countries.Order(StringComparer.Ordinal)), (s, t) => t.Countries = [.. s.Countries]),
        new("payoutType", "Payout type", OfferTab.Additional, m => m.PayoutType, (s, t) => t.PayoutType = s.PayoutType),
        new("payoutAuto", "Payout auto", OfferTab.Additional, m => m.PayoutAuto, (s, t) => t.PayoutAuto = s.PayoutAuto),
        new("payoutValue", "Payout amount", OfferTab.Additional, m => m.PayoutValue, (s, t) => t.PayoutValue = s.PayoutValue),
        new("payoutCurrency", "Payout currency", OfferTab.Additional, m => m.PayoutCurrency, (s, t) => t.PayoutCurrency = s.PayoutCurrency),
        new("rebills", "Rebills", OfferTab.Additional, m => m.Rebills, (s, t) => t.Rebills = s.Rebills),
        new("conversionCap.enabled", "Conversion cap", OfferTab.Additional, m => m.ConversionCapEnabled, (s, t) => t.ConversionCapEnabled = s.ConversionCapEnabled),
        new("conversionCap.dailyLimit", "Daily cap", OfferTab.Additional, m => m.ConversionCapDailyLimit, (s, t) => t.ConversionCapDailyLimit = s.ConversionCapDailyLimit),
        new("conversionCap.timeZone", "Cap time zone", OfferTab.Additional, m => m.ConversionCapTimeZone, (s, t) => t.ConversionCapTimeZone = s.ConversionCapTimeZone),
        new("conversionCap.alternativeOfferId", "Alternative offer", OfferTab.Additional, m => m.ConversionCapAlternativeOfferId, (s, t) => t.ConversionCapAlternativeOfferId = s.ConversionCapAlternativeOfferId),
        new("notes", "Notes", OfferTab.Notes, m => m.Notes, (s, t) => t.Notes = s.Notes),
    ];

    /// <summary>The tab that edits a validator error key; unknown keys belong to the first tab.</summary>
    public static OfferTab TabOf(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Tab ?? OfferTab.Main;

    public OfferEditModel Clone()
    {
        var copy = new OfferEditModel { Id = Id, Version = Version, State = State, LocalKey = LocalKey };
        foreach (var f in Fields) f.CopyTo(this, copy);
        return copy;
    }

    /// <summary>The fields whose values differ between this model and <paramref name="other"/>.</summary>
    public IReadOnlyList<OfferField> Differences(OfferEditModel other) =>
        Fields.Where(f => !Equals(f.Read(this), f.Read(other))).ToList();

    /// <summary>
    /// "Overwrite": the current saved version with this edit's changes (relative to <paramref name="original"/>)
    /// laid on top. Fields only the other save changed keep its values; fields both changed take ours.
    /// </summary>
    public OfferEditModel ReapplyOnto(OfferEditModel original, OfferEditModel current)
    {
        var merged = current.Clone();
        foreach (var f in original.Differences(this)) f.CopyTo(this, merged);
        return merged;
    }

    /// <summary>Mapster rules between the entity and this model: money micro-units ↔ decimal, the cap flattened.</summary>
    public static void ConfigureMapping(TypeAdapterConfig config)
    {
        config.NewConfig<Offer, OfferEditModel>()
            .Map(d => d.PayoutValue, s => Money.FromMicros(s.PayoutMicros))
            .Map(d => d.Countries, s => s.Countries.ToList());

        config.NewConfig<OfferEditModel, Offer>()
            .Map(d => d.PayoutMicros, s => Money.FromDecimal(s.PayoutValue, s.PayoutCurrency).Micros)
            .Map(d => d.Countries, s => s.Countries.ToList())
            .Map(d => d.ConversionCap, s => new ConversionCap
            {
                Enabled = s.ConversionCapEnabled,
                DailyLimit = s.ConversionCapDailyLimit,
                TimeZone = s.ConversionCapTimeZone,
                AlternativeOfferId = s.ConversionCapAlternativeOfferId,
            })
            .Ignore(d => d.CreatedAt)
            .Ignore(d => d.UpdatedAt);
    }
}
