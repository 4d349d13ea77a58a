using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Geo;
using Tracker.Web.Options;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>The bundled country database, read the way the click path reads it.</summary>
public sealed class CountryLookupTests
{
    private static readonly CountryLookup Bundled = new(Options.Create(new ClickTrackingOptions()), NullLogger<CountryLookup>.Instance);

    [Theory]
    [InlineData("8.8.8.8", "US")]
    [InlineData("85.214.132.117", "DE")]
    [InlineData("81.217.0.1", "AT")]
    [InlineData("212.58.244.20", "GB")]
    [InlineData("2001:4860:4860::8888", "US")]
    [InlineData("2a01:4f8::1", "DE")]
    [InlineData("::ffff:85.214.132.117", "DE")]
    public void PublicAddressesResolveToTheirCountry(string ip, string country) =>
        Assert.Equal(country, Bundled.Country(IPAddress.Parse(ip)));

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.1.1")]
    [InlineData("192.168.0.10")] // the bundled database wrongly lists this one
    [InlineData("100.64.3.4")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    public void PrivateAndLoopbackAddressesHaveNoCountry(string ip) =>
        Assert.Equal("", Bundled.Country(IPAddress.Parse(ip)));

    [Fact]
    public void BundledDatabaseShipsWithItsLicence()
    {
        Assert.NotNull(Bundled.DatabasePath);
        var licence = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Bundled.DatabasePath)!, "LICENSE.md"));
        Assert.Contains("CC BY 4.0", licence);
        Assert.Contains("nro.net", licence);
    }

    [Fact]
    public async Task ConfiguredDatabaseThatDoesNotExistStopsTheStart()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".mmdb");
        await using var app = new TrackerApplication(new() { ["Tracker:GeoDatabasePath"] = missing });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Tracker:GeoDatabasePath", error.ToString());
        Assert.Contains(missing, error.ToString());
    }
}
