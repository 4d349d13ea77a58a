using Tracker.Core.Offers;
using Tracker.Web.Clicks;

namespace Tracker.Web.Conversions;

/// <summary>Applies conversion caps with today's counts from <see cref="ConversionCapCounter"/>.</summary>
public sealed class ConversionCapGate(ConversionCapCounter counter) : IOfferCapGate
{
    public CapRoute Route(Offer chosen, IReadOnlyDictionary<int, Offer> offers, DateTime nowUtc) =>
        ConversionCapRouter.Route(chosen, offers.GetValueOrDefault,
            offer => counter.TodayCount(offer.Id, offer.ConversionCap.Zone, nowUtc));

    /// <summary>The click path's seam: the capped offer's alternative, with the cap decision for the trace.</summary>
    public OfferCapDecision Decide(Offer offer, IReadOnlyDictionary<int, Offer> offers, DateTime nowUtc)
    {
        // Most offers have no cap: nothing to count, nothing to say.
        if (!offer.ConversionCap.IsActive) return new OfferCapDecision(offer, []);
        var route = Route(offer, offers, nowUtc);
        return new OfferCapDecision(route.Offer, route.Trace);
    }
}
