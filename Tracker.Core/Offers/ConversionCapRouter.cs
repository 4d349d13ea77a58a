namespace Tracker.Core.Offers;

/// <summary>
/// Follows the alternative-offer chain: a capped offer sends the click to its alternative, a capped
/// alternative to its own, and so on. The chain stops at the first offer under its cap; at an offer
/// with no usable alternative (none set, archived, or already visited — the cycle guard) the cap of
/// that offer is ignored, as Keitaro ignores a cap with no alternative.
/// </summary>
public static class ConversionCapRouter
{
    /// <summary>More hops than any sane chain; a guard even if the visited set had a bug.</summary>
    public const int MaxChainLength = 64;

    /// <param name="chosen">The offer the stream picked.</param>
    /// <param name="findOffer">Looks an offer up by id; null when it does not exist.</param>
    /// <param name="todayCount">Today's counted conversions of an offer in its cap's zone.</param>
    public static CapRoute Route(Offer chosen, Func<int, Offer?> findOffer, Func<Offer, int> todayCount)
    {
        var trace = new List<string>();
        var visited = new HashSet<int>();
        var current = chosen;
        while (true)
        {
            visited.Add(current.Id);
            var cap = current.ConversionCap;
            if (!cap.IsActive) return new CapRoute(current, trace);

            var count = todayCount(current);
            var label = $"Conversion cap of offer #{current.Id} '{current.Name}': {count} of {cap.DailyLimit} today ({cap.TimeZone})";
            if (!cap.IsReached(count))
            {
                trace.Add($"{label}, under the cap.");
                return new CapRoute(current, trace);
            }
            if (cap.AlternativeOfferId is not { } alternativeId)
            {
                trace.Add($"{label}, cap reached but no alternative offer is set, so the cap is ignored.");
                return new CapRoute(current, trace);
            }
            if (visited.Contains(alternativeId) || visited.Count >= MaxChainLength)
            {
                trace.Add($"{label}, cap reached; its alternative offer #{alternativeId} was already tried (the chain loops), so the cap is ignored here.");
                return new CapRoute(current, trace);
            }
            var alternative = findOffer(alternativeId);
            if (alternative is null || alternative.State != ItemState.Active)
            {
                trace.Add($"{label}, cap reached; its alternative offer #{alternativeId} is {(alternative is null ? "deleted" : "archived")}, so the cap is ignored.");
                return new CapRoute(current, trace);
            }
            trace.Add($"{label}, cap reached: sending the click to alternative offer #{alternative.Id} '{alternative.Name}'.");
            current = alternative;
        }
    }
}
