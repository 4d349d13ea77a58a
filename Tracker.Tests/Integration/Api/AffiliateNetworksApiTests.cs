using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Services;

namespace Tracker.Tests.Integration.Api;

public sealed class AffiliateNetworksApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NetworkFromARealTemplateRoundTripsWithItsReadyToPastePostbackUrl()
    {
        var template = await LoadTemplateAsync("3snet_co");
        await using var app = new TrackerApplication(new() { ["Tracker:PublicBaseUrl"] = "https://trk.example.com" });
        var client = app.CreateApiClient();
        var postbackKey = app.Service<SettingsStore>().Current.PostbackKey;
        var postbackParameters = template.PostbackUrlTemplate[(template.PostbackUrlTemplate.IndexOf('?') + 1)..];

        var sent = new JsonObject
        {
            ["name"] = template.DisplayName,
            ["offerParameters"] = template.OfferParameters,
            ["postbackParameters"] = postbackParameters,
            ["templateKey"] = template.Name,
            ["notes"] = "Manager: @anna",
            ["state"] = "active",
        };
        var created = await (await client.PostJsonAsync("/api/v1/affiliate-networks", sent)).ExpectAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();
        var read = await client.GetObjectAsync($"/api/v1/affiliate-networks/{id}");

        foreach (var (field, value) in sent)
            Assert.True(JsonNode.DeepEquals(value, read[field]), $"{field}: sent {value?.ToJsonString()}, read {read[field]?.ToJsonString()}");
        // The template's own postback URL, with this tracker's host and key in place of the placeholders.
        var expected = template.PostbackUrlTemplate.Replace("http://{domain}", "https://trk.example.com").Replace("{postback_key}", postbackKey);
        Assert.Equal(expected, read["postbackUrl"]!.GetValue<string>());
        Assert.Equal(1, read["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task PostbackUrlUsesTheRequestHostWhenNoPublicBaseUrlIsConfigured()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var id = await client.CreateNetworkAsync("Everad");
        var network = await client.GetObjectAsync($"/api/v1/affiliate-networks/{id}");
        var key = app.Service<SettingsStore>().Current.PostbackKey;
        Assert.Equal($"http://localhost/{key}/postback", network["postbackUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidNetworkNamesTheFieldsAndSavesNothing()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var errors = await (await client.PostJsonAsync("/api/v1/affiliate-networks",
            """{ "name": "", "offerParameters": "sub1={subid}" }""")).ExpectValidationProblemAsync();
        Assert.Equal(["name", "offerParameters"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("&", errors["offerParameters"][0]);

        errors = await (await client.PostJsonAsync("/api/v1/affiliate-networks",
            """{ "name": "X", "state": "paused" }""")).ExpectValidationProblemAsync();
        Assert.Contains("active, archived", Assert.Single(errors["state"]));

        Assert.Empty(await (await client.GetAsync("/api/v1/affiliate-networks", Ct)).ReadArrayAsync());
    }

    [Fact]
    public async Task UpdateArchivesAndAStaleUpdateIsAConflict()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var id = await client.CreateNetworkAsync("Leadbit");
        var network = await client.GetObjectAsync($"/api/v1/affiliate-networks/{id}");
        var stale = network.DeepClone().AsObject();

        network["state"] = "archived";
        network["offerParameters"] = "/{subid}";
        var updated = await (await client.PutJsonAsync($"/api/v1/affiliate-networks/{id}", network)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, updated["version"]!.GetValue<int>());
        Assert.Equal("/{subid}", updated["offerParameters"]!.GetValue<string>());

        stale["name"] = "Leadbit (renamed)";
        var problem = await (await client.PutJsonAsync($"/api/v1/affiliate-networks/{id}", stale)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, problem["currentVersion"]!.GetValue<int>());
        Assert.Equal("Leadbit", (await client.GetObjectAsync($"/api/v1/affiliate-networks/{id}"))["name"]!.GetValue<string>());

        var active = await (await client.GetAsync("/api/v1/affiliate-networks?state=active", Ct)).ReadArrayAsync();
        var archived = await (await client.GetAsync("/api/v1/affiliate-networks?state=archived", Ct)).ReadArrayAsync();
        Assert.Empty(active);
        Assert.Equal(id, Assert.Single(archived)!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeleteIsRefusedWhileAnOfferUsesTheNetwork()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var used = await client.CreateNetworkAsync("Used");
        var unused = await client.CreateNetworkAsync("Unused");
        var offer = await client.CreateAsync("/api/v1/offers", $$"""{ "name": "O", "url": "https://o.example/", "affiliateNetworkId": {{used}} }""");

        Assert.Equal(1, (await client.GetObjectAsync($"/api/v1/affiliate-networks/{used}"))["offerCount"]!.GetValue<int>());
        var problem = await (await client.DeleteAsync($"/api/v1/affiliate-networks/{used}", Ct)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("1 offer(s) use this network", problem["detail"]!.GetValue<string>());
        await client.GetObjectAsync($"/api/v1/affiliate-networks/{used}");

        await (await client.DeleteAsync($"/api/v1/affiliate-networks/{unused}", Ct)).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync($"/api/v1/affiliate-networks/{unused}", Ct)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/v1/affiliate-networks/{unused}", Ct)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(used, (await client.GetObjectAsync($"/api/v1/offers/{offer}"))["affiliateNetworkId"]!.GetValue<int>());
    }

    private sealed record Template(string Name, string DisplayName, string OfferParameters, string PostbackUrlTemplate);

    private static async Task<Template> LoadTemplateAsync(string name)
    {
        var path = Tracker.Tests.Infrastructure.TestData.NetworkTemplatesPath;
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(path, Ct));
        var t = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        return new Template(name, t.GetProperty("display_name").GetString()!, t.GetProperty("offer_params_template").GetString()!,
            t.GetProperty("postback_url_template").GetString()!);
    }
}
