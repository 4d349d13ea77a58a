using System.Collections.Concurrent;

namespace Tracker.Web.LocalOffers;

/// <summary>What <c>/lo/{key}/</c> serves right now: the offer and the folder of its current version.</summary>
public sealed record LocalOfferSite(int OfferId, string Key, string Folder, LocalOfferManifest Manifest);
