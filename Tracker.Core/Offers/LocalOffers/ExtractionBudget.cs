using System.Globalization;

namespace Tracker.Core.Offers.LocalOffers;

/// <summary>
/// Counts the bytes really written while extracting, so an archive that lies about its sizes (a zip bomb)
/// is stopped as soon as it goes over a limit, not after it has filled the disk.
/// </summary>
public sealed class ExtractionBudget(LocalOfferLimits limits)
{
    public long TotalWritten { get; private set; }

    /// <summary>
    /// Records <paramref name="bytes"/> more written for an entry that has now written
    /// <paramref name="entryWritten"/> in all, from <paramref name="compressedLength"/> compressed bytes.
    /// Returns why extraction must stop, or null to go on.
    /// </summary>
    public string? Add(string path, long bytes, long entryWritten, long compressedLength)
    {
        TotalWritten += bytes;
        if (TotalWritten > limits.MaxExtractedBytes)
            return $"The archive expands to more than {Format(limits.MaxExtractedBytes)}, the limit for a local offer.";
        if (entryWritten > limits.CompressionRatioThresholdBytes
            && entryWritten > (double)limits.MaxCompressionRatio * Math.Max(compressedLength, 1))
            return $"'{path}' expands more than {limits.MaxCompressionRatio} times its compressed size, which is how zip bombs work.";
        return null;
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => $"{bytes} bytes",
    };
}
