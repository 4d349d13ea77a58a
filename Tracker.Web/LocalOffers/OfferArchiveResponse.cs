namespace Tracker.Web.LocalOffers;

/// <summary>The archive of an offer as the API and the upload helper return it.</summary>
public sealed record OfferArchiveResponse(
    int OfferId, int OfferVersion, string Key, string PreviewUrl, string FileName, DateTime UploadedAt,
    string EntryPage, long TotalBytes, int FileCount, IReadOnlyList<LocalOfferFile> Files);
