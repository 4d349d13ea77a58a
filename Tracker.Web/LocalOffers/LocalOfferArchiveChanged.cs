namespace Tracker.Web.LocalOffers;

/// <summary>What the offer editor learns after an upload or removal: the new version and whether the offer now serves a local page.</summary>
public sealed record LocalOfferArchiveChanged(int Version, bool IsLocal);
