namespace Tracker.Web.LocalOffers;

/// <summary>One extracted file of a local offer: its path under <c>/lo/{key}/</c> and its size.</summary>
public sealed record LocalOfferFile(string Path, long Bytes);

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

/// <summary>What the offer editor learns after an upload or removal: the new version and whether the offer now serves a local page.</summary>
public sealed record LocalOfferArchiveChanged(int Version, bool IsLocal);
