using Tracker.Core.Offers;

namespace Tracker.Web.Conversions;

/// <summary>
/// The conversion-cap decision on the click path: given the offer a stream chose, every offer (the
/// routing snapshot, to follow alternatives) and the click's time, the offer to send the click to,
/// with the decision in words for the click's trace. Answers from memory.
/// </summary>
public interface IConversionCapGate
{
    CapRoute Route(Offer chosen, IReadOnlyDictionary<int, Offer> offers, DateTime nowUtc);
}
