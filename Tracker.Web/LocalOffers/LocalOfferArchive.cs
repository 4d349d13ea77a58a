using System.Collections.Concurrent;

namespace Tracker.Web.LocalOffers;

/// <summary>An offer's uploaded archive as the admin UI and API show it.</summary>
public sealed record LocalOfferArchive(int OfferId, string Key, LocalOfferManifest Manifest)
{
    public string PreviewPath => $"/lo/{Key}/";
}
