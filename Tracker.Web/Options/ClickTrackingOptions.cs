using System.ComponentModel.DataAnnotations;

namespace Tracker.Web.Options;

/// <summary>
/// The click path's settings under <c>Tracker:</c> (next to <see cref="TrackerOptions"/>); listed with
/// their defaults in docs/click-path.md.
/// </summary>
public sealed class ClickTrackingOptions
{
    public const string Section = "Tracker";

    /// <summary>
    /// A MaxMind-format country database (GeoLite2 Country, DB-IP Lite Country, …). Default: empty,
    /// which uses the bundled <c>GeoData/geo-whois-asn-country.mmdb</c> (CC BY 4.0, nro.net).
    /// </summary>
    public string? GeoDatabasePath { get; set; }

    /// <summary>
    /// How many IP + user agent fingerprints the uniqueness check remembers (about 24 bytes each).
    /// When full, the oldest hour is forgotten first. Default 2,000,000.
    /// </summary>
    [Range(1_000, 200_000_000)]
    public int UniquenessMemoryEntries { get; set; } = 2_000_000;

    /// <summary>The most clicks written in one transaction by the group commit. Default 1024.</summary>
    [Range(1, 100_000)]
    public int ClickBatchSize { get; set; } = 1024;

    /// <summary>Clicks waiting for the writer before requests wait for room (back-pressure). Default 8192.</summary>
    [Range(1, 1_000_000)]
    public int ClickQueueCapacity { get; set; } = 8192;

    /// <summary>
    /// The longest committed clicks wait before the click writer adds them to the report rollups (a
    /// report asks for them at once, and a stop writes them, so reports never miss a click). Default 250 ms.
    /// </summary>
    [Range(1, 3_600_000)]
    public int RollupWriteMilliseconds { get; set; } = 250;

    public BenchmarkOptions Benchmark { get; set; } = new();

    /// <summary>Bot detection's lists (<c>Tracker:Bots</c>); see docs/configuration.md.</summary>
    public BotListOptions Bots { get; set; } = new();
}
