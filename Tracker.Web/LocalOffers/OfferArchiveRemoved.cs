namespace Tracker.Web.LocalOffers;

public sealed record OfferArchiveRemoved(int OfferId, int OfferVersion);
