namespace Tracker.Web.LocalOffers;

/// <summary>
/// What is being served for a local offer right now. Written as <c>offers/{key}/current.json</c>;
/// replacing that file (an atomic rename) is what swaps a new version in.
/// </summary>
public sealed record LocalOfferManifest(
    string Version,
    string FileName,
    DateTime UploadedAt,
    string EntryPage,
    long TotalBytes,
    IReadOnlyList<LocalOfferFile> Files);
