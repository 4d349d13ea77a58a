using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Conversions;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Api;
using Tracker.Tests.Integration.Postbacks;
using Tracker.Web.Services;

namespace Tracker.Tests.Integration.Security;

/// <summary>A network's postback IP allow-list, over real HTTP behind a trusted proxy (and an untrusted one).</summary>
public sealed class PostbackIpAllowListTests
{
    private const string NetworkServer = "203.0.113.10";
    private const string Stranger = "198.51.100.9";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APostbackFromAnAddressOutsideTheNetworksListIsRefusedLoggedAndNotRecorded()
    {
        await using var bed = await Bed.StartAsync(NetworkServer, "2001:db8::/32");
        var click = await bed.ClickAsync();

        using var stranger = bed.Host.ViaTrustedProxy(Stranger);
        var refused = await stranger.GetAsync($"{bed.PostbackPath}?subid={click}&payout=12&status=sale", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("may not send postbacks", await refused.Content.ReadAsStringAsync(Ct));
        await using (var db = await TrackerSeed.NewDbAsync(bed.Host.App.Services))
        {
            Assert.Empty(await db.Conversions.ToListAsync(Ct));
            var log = await db.PostbackLog.AsNoTracking().SingleAsync(Ct);
            Assert.Equal(PostbackOutcome.AddressNotAllowed, log.Outcome);
            Assert.Equal(Stranger, log.SourceIp);
            Assert.Equal(click, log.SubId);
            Assert.Contains($"came from {Stranger}", log.Message);
            Assert.Contains("'Test network'", log.Message);
        }

        // The network's own server (and its IPv6 range) is heard.
        using var network = bed.Host.ViaTrustedProxy(NetworkServer);
        Assert.Equal(HttpStatusCode.OK, (await network.GetAsync($"{bed.PostbackPath}?subid={click}&payout=12&status=sale", Ct)).StatusCode);
        using var network6 = bed.Host.ViaTrustedProxy("2001:db8::77");
        Assert.Equal(HttpStatusCode.OK, (await network6.GetAsync($"{bed.PostbackPath}?subid={await bed.ClickAsync()}&payout=3", Ct)).StatusCode);
        await using (var db = await TrackerSeed.NewDbAsync(bed.Host.App.Services))
            Assert.Equal(2, await db.Conversions.CountAsync(Ct));
    }

    [Fact]
    public async Task ClaimingTheNetworksAddressThroughAnUntrustedProxyDoesNotHelp()
    {
        await using var bed = await Bed.StartAsync(NetworkServer);
        var click = await bed.ClickAsync();
        using var spoofer = bed.Host.ViaUntrustedProxy(NetworkServer);
        var response = await spoofer.GetAsync($"{bed.PostbackPath}?subid={click}&payout=12", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = await TrackerSeed.NewDbAsync(bed.Host.App.Services);
        Assert.Empty(await db.Conversions.ToListAsync(Ct));
        Assert.Equal(RealHttpHost.NetworkAddress().ToString(), (await db.PostbackLog.SingleAsync(Ct)).SourceIp);
    }

    [Fact]
    public async Task AnEmptyListAcceptsAnyAddress()
    {
        await using var bed = await Bed.StartAsync();
        using var anyone = bed.Host.ViaTrustedProxy(Stranger);
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"{bed.PostbackPath}?subid={await bed.ClickAsync()}&payout=1", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheApiTakesTheListNormalizesItAndNamesBadEntries()
    {
        await using var bed = await Bed.StartAsync();
        using var api = bed.Host.ViaTrustedProxy(null, TrackerApplication.TestApiKey);
        var network = await (await api.GetAsync($"/api/v1/affiliate-networks/{bed.NetworkId}", Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(network["postbackAllowedIps"]!.AsArray());

        network["postbackAllowedIps"] = new JsonArray("203.0.113.10", "not-an-ip", "10.1.2.3/8");
        var bad = await (await api.PutJsonAsync($"/api/v1/affiliate-networks/{bed.NetworkId}", network)).ExpectValidationProblemAsync();
        Assert.Equal(2, bad["postbackAllowedIps"].Length);
        Assert.Contains(bad["postbackAllowedIps"], m => m.Contains("'not-an-ip'", StringComparison.Ordinal));
        Assert.Contains(bad["postbackAllowedIps"], m => m.Contains("did you mean 10.0.0.0/8", StringComparison.Ordinal));

        network["postbackAllowedIps"] = new JsonArray(" 203.0.113.10 ", "2001:DB8::/32", "203.0.113.10");
        var saved = await (await api.PutJsonAsync($"/api/v1/affiliate-networks/{bed.NetworkId}", network)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["203.0.113.10", "2001:db8::/32"], saved["postbackAllowedIps"]!.AsArray().Select(n => (string)n!).ToArray());
    }

    private sealed class Bed : IAsyncDisposable
    {
        public required RealHttpHost Host { get; init; }
        public required int CampaignId { get; init; }
        public required int NetworkId { get; init; }
        public required Tracker.Core.Offers.Offer Offer { get; init; }
        public string PostbackPath => $"/{Host.App.Service<SettingsStore>().Current.PostbackKey}/postback";

        public static async Task<Bed> StartAsync(params string[] allowList)
        {
            var host = RealHttpHost.Start();
            var (campaignId, networkId) = await TrackerSeed.BasicsAsync(host.App.Services, DateTime.UtcNow);
            var offer = await TrackerSeed.OfferAsync(host.App.Services, networkId, DateTime.UtcNow);
            if (allowList.Length > 0)
            {
                using var api = host.ViaTrustedProxy(null, TrackerApplication.TestApiKey);
                var network = await (await api.GetAsync($"/api/v1/affiliate-networks/{networkId}")).ExpectAsync(HttpStatusCode.OK);
                network["postbackAllowedIps"] = new JsonArray(allowList.Select(a => (JsonNode)a!).ToArray());
                await (await api.PutJsonAsync($"/api/v1/affiliate-networks/{networkId}", network)).ExpectAsync(HttpStatusCode.OK);
            }
            return new Bed { Host = host, CampaignId = campaignId, NetworkId = networkId, Offer = offer };
        }

        public async Task<string> ClickAsync() =>
            (await TrackerSeed.ClickAsync(Host.App.Services, CampaignId, Offer, DateTime.UtcNow)).SubId;

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
