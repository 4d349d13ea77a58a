using System.Net;
using System.Text.Json.Nodes;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Api;
using Tracker.Tests.Integration.Postbacks;
using Tracker.Web.Security;
using Tracker.Web.Services;

namespace Tracker.Tests.Integration.Security;

/// <summary>The admin IP allow-list over real HTTP, with X-Forwarded-For from a trusted and from an untrusted proxy.</summary>
public sealed class AdminIpAllowListTests
{
    private const string Office = "203.0.113.7";
    private const string Elsewhere = "198.51.100.9";
    private const string Path = "/api/v1/settings/admin-access";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithAListSetOtherAddressesGetA403OnTheAdminTheHubAndTheApi()
    {
        await using var host = RealHttpHost.Start();
        using var office = host.ViaTrustedProxy(Office, TrackerApplication.TestApiKey);
        var saved = await office.PutJsonAsync(Path, new JsonObject { ["allowList"] = new JsonArray("203.0.113.0/24", "2001:db8::/32"), ["version"] = 1 });
        var body = await saved.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Office, (string?)body["yourAddress"]);

        using var stranger = host.ViaTrustedProxy(Elsewhere, TrackerApplication.TestApiKey);
        foreach (var (method, path) in new[] { ("GET", "/admin/login"), ("GET", "/admin"), ("POST", "/_blazor/negotiate?negotiateVersion=1"), ("GET", "/api/v1/settings"), ("GET", Path) })
        {
            var response = await stranger.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal(AdminIpAllowList.RefusedBody, await response.Content.ReadAsStringAsync(Ct));
        }

        // The office network passes (v4 range), and so does an IPv6 address inside the v6 range.
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/v1/settings", Ct)).StatusCode);
        using var colleague = host.ViaTrustedProxy("203.0.113.200");
        await AssertReachesTheAdminAsync(colleague);
        using var v6 = host.ViaTrustedProxy("2001:db8:0:1::5");
        await AssertReachesTheAdminAsync(v6);
    }

    [Fact]
    public async Task AForwardedAddressFromAnUntrustedProxyIsIgnored()
    {
        await using var host = RealHttpHost.Start();
        using var office = host.ViaTrustedProxy(Office, TrackerApplication.TestApiKey);
        (await office.PutJsonAsync(Path, new JsonObject { ["allowList"] = new JsonArray(Office), ["version"] = 1 })).EnsureSuccessStatusCode();

        // Claiming the office address through a proxy nobody trusts does not help: the connection's own address decides.
        using var spoofer = host.ViaUntrustedProxy(Office, TrackerApplication.TestApiKey);
        var refused = await spoofer.GetAsync("/admin/login", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await spoofer.GetAsync("/api/v1/settings", Ct)).StatusCode);

        // Allowing the untrusted proxy's own address lets it in, whatever it forwards.
        var untrustedAddress = RealHttpHost.NetworkAddress().ToString();
        var current = await (await office.GetAsync(Path, Ct)).ExpectAsync(HttpStatusCode.OK);
        (await office.PutJsonAsync(Path, new JsonObject { ["allowList"] = new JsonArray(Office, untrustedAddress), ["version"] = (int)current["version"]! })).EnsureSuccessStatusCode();
        using var sameSpoofer = host.ViaUntrustedProxy(Elsewhere);
        await AssertReachesTheAdminAsync(sameSpoofer);
    }

    /// <summary>No account exists yet, so the admin sends the browser on to first-run setup: reached, not refused.</summary>
    private static async Task AssertReachesTheAdminAsync(HttpClient client)
    {
        var response = await client.GetAsync("/admin/login", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/admin/setup", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/setup", Ct)).StatusCode);
    }

    [Fact]
    public async Task ClicksPostbacksAndHealthAreNotAffected()
    {
        await using var host = RealHttpHost.Start();
        var (campaignId, networkId) = await TrackerSeed.BasicsAsync(host.App.Services, DateTime.UtcNow);
        var offer = await TrackerSeed.OfferAsync(host.App.Services, networkId, DateTime.UtcNow);
        using var office = host.ViaTrustedProxy(Office, TrackerApplication.TestApiKey);
        (await office.PutJsonAsync(Path, new JsonObject { ["allowList"] = new JsonArray(Office), ["version"] = 1 })).EnsureSuccessStatusCode();

        using var visitor = host.ViaTrustedProxy(Elsewhere);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/health", Ct)).StatusCode);
        var click = await visitor.GetAsync("/test-campaign", Ct);
        Assert.NotEqual(HttpStatusCode.Forbidden, click.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, (await visitor.GetAsync("/lo/nothing/index.html", Ct)).StatusCode);

        var stored = await TrackerSeed.ClickAsync(host.App.Services, campaignId, offer, DateTime.UtcNow);
        var key = host.App.Service<SettingsStore>().Current.PostbackKey;
        var postback = await visitor.GetAsync($"/{key}/postback?subid={stored.SubId}&payout=5", Ct);
        Assert.Equal(HttpStatusCode.OK, postback.StatusCode);
    }

    [Fact]
    public async Task SavingAListThatShutsOutYourOwnAddressNeedsForce()
    {
        await using var host = RealHttpHost.Start();
        using var me = host.ViaTrustedProxy(Office, TrackerApplication.TestApiKey);

        var refused = await me.PutJsonAsync(Path, new JsonObject { ["allowList"] = new JsonArray("198.51.100.0/24"), ["version"] = 1 });
        var errors = await refused.ExpectValidationProblemAsync();
        Assert.Contains(Office, Assert.Single(errors["allowList"]));
        Assert.Contains("force", errors["allowList"][0]);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/api/v1/settings", Ct)).StatusCode);

        var forced = await me.PutJsonAsync(Path, new JsonObject { ["allowList"] = new JsonArray("198.51.100.0/24"), ["version"] = 1, ["force"] = true });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.GetAsync("/api/v1/settings", Ct)).StatusCode);
    }

    [Fact]
    public async Task BadEntriesAreRefusedByNameAndNothingIsSaved()
    {
        await using var host = RealHttpHost.Start();
        using var me = host.ViaTrustedProxy(Office, TrackerApplication.TestApiKey);
        var response = await me.PutJsonAsync(Path, new JsonObject
        {
            ["allowList"] = new JsonArray(Office, "10.0.0.300", "192.168.1.5/24", "2001:db8::/129", "0.0.0.0/0", "office"),
            ["version"] = 1,
        });
        var messages = (await response.ExpectValidationProblemAsync())["allowList"];
        Assert.Equal(5, messages.Length);
        Assert.Contains(messages, m => m.Contains("'10.0.0.300' is not an IP address", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("did you mean 192.168.1.0/24", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("from 0 to 128", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("leave the list empty", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'office'", StringComparison.Ordinal));

        var current = await (await me.GetAsync(Path, Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(current["allowList"]!.AsArray());
        Assert.Equal(1, (int)current["version"]!);

        var stale = await me.PutJsonAsync(Path, new JsonObject { ["allowList"] = new JsonArray(Office), ["version"] = 7 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }
}
