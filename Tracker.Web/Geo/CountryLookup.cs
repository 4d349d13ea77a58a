using System.Net;
using MaxMind.Db;
using Microsoft.Extensions.Options;
using Tracker.Web.Options;

namespace Tracker.Web.Geo;

/// <summary>
/// The visitor's country from a MaxMind-format database, opened once (memory-mapped) for the
/// process lifetime. Reads both the bundled ip-location-db layout (<c>country_code</c>) and the
/// GeoLite2 / DB-IP layout (<c>country.iso_code</c>).
/// </summary>
public sealed class CountryLookup : IDisposable
{
    public const string BundledDatabase = "GeoData/geo-whois-asn-country.mmdb";

    private readonly Reader? _reader;

    public CountryLookup(IOptions<ClickTrackingOptions> options, ILogger<CountryLookup> logger)
    {
        var configured = options.Value.GeoDatabasePath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured);
            if (!File.Exists(path))
                throw new OptionsValidationException(nameof(ClickTrackingOptions.GeoDatabasePath), typeof(ClickTrackingOptions),
                    [$"Tracker:GeoDatabasePath points to '{path}', which does not exist. Fix the path or remove the setting to use the bundled database."]);
            _reader = new Reader(path, FileAccessMode.MemoryMapped);
            DatabasePath = path;
        }
        else
        {
            var path = Path.Combine(AppContext.BaseDirectory, BundledDatabase);
            if (File.Exists(path))
            {
                _reader = new Reader(path, FileAccessMode.MemoryMapped);
                DatabasePath = path;
            }
            else
            {
                logger.LogWarning("The bundled country database {Path} is missing: clicks get no country and country filters match nothing. Run scripts/update-geo-db.sh or set Tracker:GeoDatabasePath", path);
            }
        }
        if (_reader is not null)
            logger.LogInformation("Country database {Path} ({Type}, built {Built:yyyy-MM-dd})",
                DatabasePath, _reader.Metadata.DatabaseType, _reader.Metadata.BuildDate);
    }

    /// <summary>The database in use, or null when there is none.</summary>
    public string? DatabasePath { get; }

    /// <summary>ISO 3166-1 alpha-2 in upper case, or empty when the address is unknown.</summary>
    public string Country(IPAddress? address)
    {
        if (_reader is null || address is null) return "";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        // Private and loopback addresses belong to no country, whatever a database says about them.
        if (IsNotPublic(address)) return "";
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) return Find(address);

        // Traffic repeats addresses; a small direct-mapped cache of IPv4 answers saves decoding the
        // database record (and its allocations) on most clicks. Slots hold immutable entries, so a
        // reader sees a whole entry or none.
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        var ip = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var slot = (int)((ip * 2654435761u) >> (32 - CacheBits));
        if (_cache[slot] is { } hit && hit.Ip == ip) return hit.Country;
        var country = Find(address);
        _cache[slot] = new CachedCountry(ip, country);
        return country;
    }

    private const int CacheBits = 14;
    private readonly CachedCountry?[] _cache = new CachedCountry?[1 << CacheBits];

    private sealed record CachedCountry(uint Ip, string Country);

    private string Find(IPAddress address)
    {
        var record = _reader!.Find<CountryRecord>(address);
        var code = record?.CountryCode ?? record?.Country?.IsoCode;
        return code is { Length: 2 } ? string.Intern(code.ToUpperInvariant()) : "";
    }

    public void Dispose() => _reader?.Dispose();

    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
    ];

    private static bool IsNotPublic(IPAddress address)
    {
        foreach (var network in NonPublic)
            if (network.Contains(address)) return true;
        return false;
    }

    /// <summary>Only the keys we read are decoded.</summary>
    public sealed class CountryRecord
    {
        [Constructor]
        public CountryRecord([MapKey("country_code")] string? countryCode = null, [MapKey("country")] IsoCountry? country = null)
        {
            CountryCode = countryCode;
            Country = country;
        }

        public string? CountryCode { get; }

        public IsoCountry? Country { get; }
    }

    public sealed class IsoCountry
    {
        [Constructor]
        public IsoCountry([MapKey("iso_code")] string? isoCode = null) => IsoCode = isoCode;

        public string? IsoCode { get; }
    }
}
