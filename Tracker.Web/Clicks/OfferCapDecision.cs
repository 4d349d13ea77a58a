using Tracker.Core.Offers;

namespace Tracker.Web.Clicks;

/// <summary>The offer to send the visitor to, and sentences for the click's decision trace.</summary>
public readonly record struct OfferCapDecision(Offer Offer, IReadOnlyList<string> Trace)
{
    public static OfferCapDecision Keep(Offer offer) => new(offer, []);
}
