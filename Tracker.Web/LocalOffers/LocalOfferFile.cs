namespace Tracker.Web.LocalOffers;

/// <summary>One extracted file of a local offer: its path under <c>/lo/{key}/</c> and its size.</summary>
public sealed record LocalOfferFile(string Path, long Bytes);
