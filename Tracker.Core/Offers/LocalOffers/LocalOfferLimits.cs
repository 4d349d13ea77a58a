namespace Tracker.Core.Offers.LocalOffers;

/// <summary>What an uploaded archive may contain; the host maps its options onto this.</summary>
/// <param name="MaxArchiveBytes">Size of the uploaded zip file itself.</param>
/// <param name="MaxFiles">Entries in the archive (files and folders).</param>
/// <param name="MaxExtractedBytes">Bytes actually written while extracting, all files together.</param>
/// <param name="MaxCompressionRatio">How many times larger than its compressed size an entry may grow…</param>
/// <param name="CompressionRatioThresholdBytes">…once it has written more than this many bytes (small files may compress extremely).</param>
public sealed record LocalOfferLimits(
    long MaxArchiveBytes = 50L * 1024 * 1024,
    int MaxFiles = 2000,
    long MaxExtractedBytes = 200L * 1024 * 1024,
    int MaxCompressionRatio = 200,
    long CompressionRatioThresholdBytes = 1024 * 1024);
