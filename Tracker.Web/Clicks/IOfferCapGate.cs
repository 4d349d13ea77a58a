using Tracker.Core.Offers;

namespace Tracker.Web.Clicks;

/// <summary>
/// Applied after a stream picked an offer: may swap it for another (a conversion cap reached →
/// the alternative offer). Called on every click, so it must answer from memory.
/// </summary>
public interface IOfferCapGate
{
    /// <param name="offer">The offer the stream chose.</param>
    /// <param name="offers">Every offer by id (from the routing snapshot), to follow alternatives.</param>
    /// <param name="nowUtc">The click's time.</param>
    OfferCapDecision Decide(Offer offer, IReadOnlyDictionary<int, Offer> offers, DateTime nowUtc);
}
