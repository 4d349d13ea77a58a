namespace Tracker.Web.LocalOffers;

/// <summary>An HTML page of a local offer, ready to send.</summary>
public sealed record LocalOfferPage(byte[] Body, string ContentType);
