using Tracker.Core.Offers;

namespace Tracker.Web.Clicks;

/// <summary>The gate while no cap logic is registered: every offer passes unchanged and nothing is traced.</summary>
public sealed class PassThroughOfferCapGate : IOfferCapGate
{
    public OfferCapDecision Decide(Offer offer, IReadOnlyDictionary<int, Offer> offers, DateTime nowUtc) =>
        OfferCapDecision.Keep(offer);
}
