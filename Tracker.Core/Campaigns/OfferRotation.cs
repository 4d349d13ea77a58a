using Tracker.Core.Clicks;
using Tracker.Core.Offers;

namespace Tracker.Core.Campaigns;

/// <summary>Picks one of a stream's offers, each with probability share / total share of the available ones.</summary>
public static class OfferRotation
{
    /// <summary>
    /// The chosen offer, or null when none of the stream's offers is available (missing, archived or
    /// with share 0) — each one left out is written to <paramref name="trace"/>.
    /// </summary>
    public static Offer? Pick(
        CampaignStream stream, IReadOnlyDictionary<int, Offer> offers, IRandomSource random, DecisionTrace trace)
    {
        var candidates = stream.Offers;
        long total = 0;
        var available = 0;
        foreach (var entry in candidates)
        {
            if (IsAvailable(entry, offers, trace, out _))
            {
                total += entry.Share;
                available++;
            }
        }
        if (total == 0)
        {
            trace.Add(candidates.Count == 0
                ? $"Stream \"{stream.Name}\" (#{stream.Id}) has no offers: do nothing."
                : $"None of stream \"{stream.Name}\" (#{stream.Id})'s offers is available: do nothing.");
            return null;
        }

        var ticket = random.Next((int)Math.Min(total, int.MaxValue));
        foreach (var entry in candidates)
        {
            if (!IsAvailable(entry, offers, null, out var offer)) continue;
            if (ticket < entry.Share)
            {
                trace.Add(available == 1
                    ? $"Offer \"{offer.Name}\" (#{offer.Id}) chosen: the stream's only available offer."
                    : $"Offer \"{offer.Name}\" (#{offer.Id}) chosen by share: {entry.Share} of {total} across {available} offers.");
                return offer;
            }
            ticket -= entry.Share;
        }
        return null;
    }

    private static bool IsAvailable(StreamOffer entry, IReadOnlyDictionary<int, Offer> offers, DecisionTrace? trace, out Offer offer)
    {
        if (!offers.TryGetValue(entry.OfferId, out offer!))
        {
            trace?.Add($"Offer #{entry.OfferId} is in the stream but no longer exists; left out.");
            return false;
        }
        if (offer.State != ItemState.Active)
        {
            trace?.Add($"Offer \"{offer.Name}\" (#{offer.Id}) is archived; left out.");
            return false;
        }
        if (entry.Share <= 0)
        {
            trace?.Add($"Offer \"{offer.Name}\" (#{offer.Id}) has share 0; left out.");
            return false;
        }
        return true;
    }
}
