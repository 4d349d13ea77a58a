using System.ComponentModel.DataAnnotations;
using Tracker.Core.Offers.LocalOffers;

namespace Tracker.Web.LocalOffers;

/// <summary>
/// Limits for uploaded local-offer archives (<c>Tracker:LocalOffers:*</c>) and the optional separate
/// host name for serving them (<c>Tracker:LocalOffersHost</c>). Listed in docs/configuration.md.
/// </summary>
public sealed class LocalOfferOptions : IValidatableObject
{
    public const string Section = "Tracker:LocalOffers";
    public const string HostKey = "Tracker:LocalOffersHost";

    /// <summary>Largest zip file accepted for upload, in bytes. Default 52428800 (50 MB).</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxArchiveBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Most entries (files and folders) one archive may hold. Default 2000.</summary>
    [Range(1, 100_000)]
    public int MaxFiles { get; set; } = 2000;

    /// <summary>Most bytes one archive may expand to, counted as written. Default 209715200 (200 MB).</summary>
    [Range(1024, 16L * 1024 * 1024 * 1024)]
    public long MaxExtractedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How many times its compressed size a large entry may expand to. Default 200.</summary>
    [Range(2, 100_000)]
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>An entry is "large" for <see cref="MaxCompressionRatio"/> once it has written this many bytes. Default 1048576 (1 MB).</summary>
    [Range(0, long.MaxValue)]
    public long CompressionRatioThresholdBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// From <c>Tracker:LocalOffersHost</c>: when set (e.g. <c>offers.example.com</c>), <c>/lo/</c> answers only on
    /// this host name and the admin UI and API refuse it. Default empty: same host as everything else.
    /// </summary>
    public string? Host { get; set; }

    public LocalOfferLimits Limits => new(MaxArchiveBytes, MaxFiles, MaxExtractedBytes, MaxCompressionRatio, CompressionRatioThresholdBytes);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Host)
            && (Host.Contains('/') || Uri.CheckHostName(Host.Split(':')[0]) == UriHostNameType.Unknown
                || (Host.Split(':') is [_, var port] && !ushort.TryParse(port, out _)) || Host.Count(c => c == ':') > 1))
            yield return new ValidationResult(
                $"{HostKey} must be a host name such as offers.example.com (optionally with :port), without scheme or path.",
                [nameof(Host)]);
        if (MaxExtractedBytes < CompressionRatioThresholdBytes)
            yield return new ValidationResult("Tracker:LocalOffers:CompressionRatioThresholdBytes must not exceed MaxExtractedBytes.", [nameof(CompressionRatioThresholdBytes)]);
    }
}
