using System.Collections.Frozen;
using Tracker.Core.Amounts;
using Tracker.Core.Campaigns;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Core.Settings;

namespace Tracker.Web.Clicks;

/// <summary>
/// Everything a click needs to be routed, in memory and immutable: active campaigns by alias with
/// their compiled stream selectors, every offer and network by id, and the exchange rates. Rebuilt
/// as a whole when configuration changes; a click never reads the database to be routed.
/// </summary>
public sealed class RoutingSnapshot
{
    public static readonly RoutingSnapshot Empty = Build(0, [], [], [], new TrackerSettings());

    private RoutingSnapshot(
        long generation,
        FrozenDictionary<string, CampaignRoute> campaigns,
        FrozenDictionary<int, Offer> offers,
        FrozenDictionary<int, AffiliateNetwork> networks,
        FrozenDictionary<int, string> offerUrlTemplates,
        ExchangeRates rates)
    {
        Generation = generation;
        Campaigns = campaigns;
        Offers = offers;
        Networks = networks;
        OfferUrlTemplates = offerUrlTemplates;
        Rates = rates;
    }

    /// <summary>Which configuration change this snapshot includes; see <see cref="RoutingTable"/>.</summary>
    public long Generation { get; }

    /// <summary>Active campaigns by alias.</summary>
    public FrozenDictionary<string, CampaignRoute> Campaigns { get; }

    /// <summary>All offers, archived ones too, so the trace can say why one was left out.</summary>
    public FrozenDictionary<int, Offer> Offers { get; }

    public FrozenDictionary<int, AffiliateNetwork> Networks { get; }

    /// <summary>Each offer's URL joined with its network's offer parameters, ready for macro expansion.</summary>
    public FrozenDictionary<int, string> OfferUrlTemplates { get; }

    public ExchangeRates Rates { get; }

    public string BaseCurrency => Rates.BaseCurrency;

    public AffiliateNetwork? NetworkOf(Offer offer) =>
        offer.AffiliateNetworkId is { } id && Networks.TryGetValue(id, out var network) ? network : null;

    public static RoutingSnapshot Build(
        long generation, IEnumerable<Campaign> campaigns, IEnumerable<Offer> offers,
        IEnumerable<AffiliateNetwork> networks, TrackerSettings settings)
    {
        var networkById = networks.ToFrozenDictionary(n => n.Id);
        var offerById = offers.ToFrozenDictionary(o => o.Id);
        // An archived network still gets its parameters appended: an offer that names it must keep
        // sending the subid, or its conversions could not be matched.
        var templates = offerById.Values.ToFrozenDictionary(o => o.Id, o => OfferUrlBuilder.Template(o,
            o.AffiliateNetworkId is { } nid && networkById.TryGetValue(nid, out var n) ? n : null));
        var routes = campaigns
            .Where(c => c.State == ItemState.Active)
            .ToFrozenDictionary(c => c.Alias, c => new CampaignRoute(c), StringComparer.Ordinal);
        return new RoutingSnapshot(generation, routes, offerById, networkById, templates, settings.ToExchangeRates());
    }
}
