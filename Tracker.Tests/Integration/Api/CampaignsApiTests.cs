using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Data;
using Tracker.Web.Live;

namespace Tracker.Tests.Integration.Api;

public sealed class CampaignsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> CreateOfferAsync(TrackerApplication app, string name)
    {
        var result = await app.Service<OfferStore>().CreateAsync(new Offer { Name = name, Url = "https://network.example/click?o=" + name }, Ct);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Value!.Id;
    }

    private static async Task<(int A, int B)> CreateOffersAsync(TrackerApplication app) =>
        (await CreateOfferAsync(app, "a"), await CreateOfferAsync(app, "b"));

    private static JsonObject CampaignJson(string alias, int offerA, int offerB) => JsonNode.Parse($$"""
        {
          "name": "Summer sale",
          "alias": "{{alias}}",
          "uniquenessHours": 12,
          "streams": [
            { "name": "DE and AT", "type": "forced",
              "filters": [ { "type": "country", "mode": "include", "values": ["de", "AT"] } ],
              "action": "offers", "offers": [ { "offerId": {{offerA}}, "share": 100 } ] },
            { "name": "Everyone else", "type": "regular", "weight": 40,
              "filters": [ { "type": "country", "mode": "exclude", "values": ["RU"] } ],
              "action": "offers", "offers": [ { "offerId": {{offerA}}, "share": 30 }, { "offerId": {{offerB}}, "share": 70 } ] },
            { "name": "Fallback", "type": "default", "action": "status404" }
          ]
        }
        """)!.AsObject();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static async Task<JsonElement> PostAsync(HttpClient client, JsonObject body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync("/api/v1/campaigns", body, Ct);
        var json = await ReadAsync(response);
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {json}");
        return json;
    }

    private static string[] ErrorsOf(JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var list)
            ? list.EnumerateArray().Select(e => e.GetString()!).ToArray()
            : throw new Xunit.Sdk.XunitException($"No error for '{field}' in {problem}");

    [Fact]
    public async Task CreatedCampaignIsReturnedWithOrderedStreamsAndItsTrackingUrl()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var client = app.CreateApiClient();

        var created = await PostAsync(client, CampaignJson("summer-sale", a, b));
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal("http://localhost/summer-sale", created.GetProperty("trackingUrl").GetString());

        var fetched = await ReadAsync(await client.GetAsync($"/api/v1/campaigns/{id}", Ct));
        Assert.Equal("Summer sale", fetched.GetProperty("name").GetString());
        Assert.Equal("active", fetched.GetProperty("state").GetString());
        Assert.Equal(12, fetched.GetProperty("uniquenessHours").GetInt32());
        var streams = fetched.GetProperty("streams").EnumerateArray().ToList();
        Assert.Equal(["DE and AT", "Everyone else", "Fallback"], streams.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["forced", "regular", "default"], streams.Select(s => s.GetProperty("type").GetString()));
        Assert.All(streams, s => Assert.True(s.GetProperty("id").GetInt32() > 0));
        var filter = streams[0].GetProperty("filters")[0];
        Assert.Equal("country", filter.GetProperty("type").GetString());
        Assert.Equal("include", filter.GetProperty("mode").GetString());
        Assert.Equal(["DE", "AT"], filter.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(40, streams[1].GetProperty("weight").GetInt32());
        Assert.Equal([30, 70], streams[1].GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("share").GetInt32()));
        Assert.Equal("status404", streams[2].GetProperty("action").GetString());

        var list = await ReadAsync(await client.GetAsync("/api/v1/campaigns", Ct));
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/campaigns", CampaignJson("other", a, b), Ct)).StatusCode);
        Assert.Equal(2, (await ReadAsync(await client.GetAsync("/api/v1/campaigns", Ct))).GetArrayLength());
    }

    [Fact]
    public async Task UpdateReordersStreamsKeepsTheirIdsAddsNewOnesAndRemovesMissingOnes()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var client = app.CreateApiClient();
        var created = JsonNode.Parse((await PostAsync(client, CampaignJson("summer", a, b))).GetRawText())!.AsObject();
        var id = created["id"]!.GetValue<int>();
        var streams = created["streams"]!.AsArray();
        var forcedId = streams[0]!["id"]!.GetValue<int>();
        var regularId = streams[1]!["id"]!.GetValue<int>();

        // Regular first, forced second, fallback dropped, a new show_text stream appended.
        var edited = created.DeepClone().AsObject();
        edited["name"] = "Summer sale v2";
        edited["streams"] = new JsonArray(
            streams[1]!.DeepClone(),
            streams[0]!.DeepClone(),
            JsonNode.Parse("""{ "name": "Maintenance", "type": "default", "action": "show_text", "actionPayload": "Back soon" }"""));
        var response = await client.PutAsJsonAsync($"/api/v1/campaigns/{id}", edited, Ct);
        var saved = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, saved.ToString());
        Assert.Equal(2, saved.GetProperty("version").GetInt32());

        var fetched = await ReadAsync(await client.GetAsync($"/api/v1/campaigns/{id}", Ct));
        var after = fetched.GetProperty("streams").EnumerateArray().ToList();
        Assert.Equal("Summer sale v2", fetched.GetProperty("name").GetString());
        Assert.Equal([regularId, forcedId], after.Take(2).Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal("Maintenance", after[2].GetProperty("name").GetString());
        Assert.Equal("Back soon", after[2].GetProperty("actionPayload").GetString());
        await using var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(3, await db.Streams.CountAsync(Ct));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("_blazor")]
    [InlineData("favicon.ico")]
    public async Task ReservedAliasIsRefusedNamingTheAliasField(string alias)
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var problem = await PostAsync(app.CreateApiClient(), CampaignJson(alias, a, b), HttpStatusCode.BadRequest);
        Assert.Contains("reserved", Assert.Single(ErrorsOf(problem, "alias")));
    }

    [Fact]
    public async Task AliasOfAnotherCampaignIsRefusedAndCaseDoesNotMakeItDifferent()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var client = app.CreateApiClient();
        await PostAsync(client, CampaignJson("summer", a, b));
        var problem = await PostAsync(client, CampaignJson("Summer", a, b), HttpStatusCode.BadRequest);
        Assert.Contains("Another campaign already uses 'summer'", Assert.Single(ErrorsOf(problem, "alias")));
    }

    [Fact]
    public async Task BadFilterValuesAreRefusedNamingTheStreamAndFilter()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var body = CampaignJson("summer", a, b);
        body["streams"]![1]!["filters"]![0]!["values"] = new JsonArray("RU", "Narnia");
        body["streams"]![0]!["filters"]!.AsArray().Add(JsonNode.Parse("""{ "type": "city", "mode": "include", "values": ["Berlin"] }"""));
        var problem = await PostAsync(app.CreateApiClient(), body, HttpStatusCode.BadRequest);
        Assert.Contains("'NARNIA' is not an ISO 3166 country code", Assert.Single(ErrorsOf(problem, "streams[1].filters[0].values")));
        Assert.Contains("'city' is not a filter type", Assert.Single(ErrorsOf(problem, "streams[0].filters[1].type")));
    }

    [Fact]
    public async Task UnreadableValueIsRefusedNamingItsField()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var body = CampaignJson("summer", a, b);
        body["streams"]![1]!["filters"]![0]!["mode"] = "sideways";
        var problem = await PostAsync(app.CreateApiClient(), body, HttpStatusCode.BadRequest);
        Assert.Contains("Use one of: include, exclude.", Assert.Single(ErrorsOf(problem, "streams[1].filters[0].mode")));

        var notJson = await app.CreateApiClient().PostAsync("/api/v1/campaigns", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
    }

    [Fact]
    public async Task StreamThatNeedsSomethingMissingIsRefused()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var body = CampaignJson("summer", a, b);
        body["streams"]![0]!["offers"] = new JsonArray();
        body["streams"]![1]!["offers"]![1]!["offerId"] = 999;
        body["streams"]![2]!["action"] = "show_text";
        var problem = await PostAsync(app.CreateApiClient(), body, HttpStatusCode.BadRequest);
        Assert.Contains("Add at least one offer", Assert.Single(ErrorsOf(problem, "streams[0].offers")));
        Assert.Contains("Offer 999 does not exist", Assert.Single(ErrorsOf(problem, "streams[1].offers[1].offerId")));
        Assert.Contains("Enter the text to show", Assert.Single(ErrorsOf(problem, "streams[2].actionPayload")));
        Assert.Equal(0, (await ReadAsync(await app.CreateApiClient().GetAsync("/api/v1/campaigns", Ct))).GetArrayLength());
    }

    [Fact]
    public async Task PutOverAStaleVersionGets409AndChangesNothing()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var client = app.CreateApiClient();
        var created = JsonNode.Parse((await PostAsync(client, CampaignJson("summer", a, b))).GetRawText())!.AsObject();
        var id = created["id"]!.GetValue<int>();

        var first = created.DeepClone().AsObject();
        first["name"] = "First writer";
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/campaigns/{id}", first, Ct)).StatusCode);

        var second = created.DeepClone().AsObject();
        second["name"] = "Second writer, stale";
        var response = await client.PutAsJsonAsync($"/api/v1/campaigns/{id}", second, Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(2, (await ReadAsync(response)).GetProperty("currentVersion").GetInt32());
        var stored = await ReadAsync(await client.GetAsync($"/api/v1/campaigns/{id}", Ct));
        Assert.Equal("First writer", stored.GetProperty("name").GetString());
    }

    [Fact]
    public async Task PutWithoutTheVersionIsRefusedBecauseItWouldOverwriteBlindly()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var client = app.CreateApiClient();
        var created = JsonNode.Parse((await PostAsync(client, CampaignJson("summer", a, b))).GetRawText())!.AsObject();
        created.Remove("version");
        created["name"] = "Blind write";
        var response = await client.PutAsJsonAsync($"/api/v1/campaigns/{created["id"]}", created, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Send the campaign's version from your last GET (a whole number ≥ 1); it guards against overwriting someone else's change."],
            ErrorsOf(await ReadAsync(response), "version"));
        Assert.Equal("Summer sale", (await ReadAsync(await client.GetAsync($"/api/v1/campaigns/{created["id"]}", Ct))).GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListCanBeNarrowedToArchivedCampaigns()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var client = app.CreateApiClient();
        await PostAsync(client, CampaignJson("live", a, b));
        var archived = CampaignJson("old", a, b);
        archived["state"] = "archived";
        await PostAsync(client, archived);

        var list = await ReadAsync(await client.GetAsync("/api/v1/campaigns?state=archived", Ct));
        Assert.Equal("old", Assert.Single(list.EnumerateArray()).GetProperty("alias").GetString());
        var bad = await client.GetAsync("/api/v1/campaigns?state=gone", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["Use one of: active, archived, all."], ErrorsOf(await ReadAsync(bad), "state"));
    }

    [Fact]
    public async Task UnknownCampaignGets404OnGetPutAndDelete()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/campaigns/4242", Ct)).StatusCode);
        var body = CampaignJson("x1", a, b);
        body["version"] = 1;
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/v1/campaigns/4242", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/v1/campaigns/4242", Ct)).StatusCode);
    }

    [Fact]
    public async Task StreamIdOfAnotherCampaignIsRefused()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var client = app.CreateApiClient();
        var one = JsonNode.Parse((await PostAsync(client, CampaignJson("one", a, b))).GetRawText())!.AsObject();
        var two = JsonNode.Parse((await PostAsync(client, CampaignJson("two", a, b))).GetRawText())!.AsObject();
        two["streams"]![0]!["id"] = one["streams"]![0]!["id"]!.GetValue<int>();
        var response = await client.PutAsJsonAsync($"/api/v1/campaigns/{two["id"]}", two, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not part of this campaign", Assert.Single(ErrorsOf(await ReadAsync(response), "streams[0].id")));
    }

    [Fact]
    public async Task DeleteRemovesAnUnusedCampaignButIsRefusedOnceClicksBelongToIt()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var client = app.CreateApiClient();
        var unused = (await PostAsync(client, CampaignJson("unused", a, b))).GetProperty("id").GetInt32();
        var used = (await PostAsync(client, CampaignJson("used", a, b))).GetProperty("id").GetInt32();
        await using (var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            db.Clicks.Add(new Click { SubId = "abc123", CampaignId = used, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/campaigns/{unused}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/campaigns/{unused}", Ct)).StatusCode);

        var refused = await client.DeleteAsync($"/api/v1/campaigns/{used}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("archive it instead", (await ReadAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/campaigns/{used}", Ct)).StatusCode);
    }

    [Fact]
    public async Task SavingACampaignPublishesAChangeNoticeForTheRoutingSnapshot()
    {
        await using var app = new TrackerApplication();
        var (a, b) = await CreateOffersAsync(app);
        var client = app.CreateApiClient();
        var notices = new List<ChangeNotice>();
        using var subscription = app.Service<ChangeFeed>().Subscribe(n =>
        {
            lock (notices) notices.Add(n);
            return Task.CompletedTask;
        });

        var created = JsonNode.Parse((await PostAsync(client, CampaignJson("summer", a, b))).GetRawText())!.AsObject();
        var id = created["id"]!.GetValue<int>();
        created["state"] = "archived";
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/campaigns/{id}", created, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/campaigns/{id}", Ct)).StatusCode);

        // Delivery is asynchronous; wait briefly for the three notices.
        for (var i = 0; i < 100 && Count() < 3; i++) await Task.Delay(20, Ct);
        ChangeNotice[] campaignNotices;
        lock (notices) campaignNotices = notices.Where(n => n.Kind == ChangeNotice.Campaign).ToArray();
        Assert.Equal([new ChangeNotice("campaign", id, 1), new ChangeNotice("campaign", id, 2), new ChangeNotice("campaign", id, 0, Deleted: true)], campaignNotices);

        int Count()
        {
            lock (notices) return notices.Count(n => n.Kind == ChangeNotice.Campaign);
        }
    }

    [Fact]
    public async Task TrackingUrlUsesTheConfiguredPublicBaseUrl()
    {
        await using var app = new TrackerApplication(new() { ["Tracker:PublicBaseUrl"] = "https://trk.example.com/" });
        var (a, b) = await CreateOffersAsync(app);
        var created = await PostAsync(app.CreateApiClient(), CampaignJson("summer", a, b));
        Assert.Equal("https://trk.example.com/summer", created.GetProperty("trackingUrl").GetString());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheCampaignRoutesAndReadOnlyTrackingUrl()
    {
        await using var app = new TrackerApplication();
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/api/v1/openapi.json", Ct))!;
        var put = document["paths"]!["/api/v1/campaigns/{id}"]!["put"]!;
        Assert.Equal("#/components/schemas/CampaignDto", put["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        foreach (var status in new[] { "400", "401", "404", "409" })
            Assert.NotNull(put["responses"]![status]);
        var campaign = document["components"]!["schemas"]!["CampaignDto"]!["properties"]!;
        Assert.True(campaign["trackingUrl"]!["readOnly"]!.GetValue<bool>());
        Assert.Null(campaign["alias"]!["readOnly"]);
        var actions = document["components"]!["schemas"]!["StreamAction"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal(["offers", "show_text", "status404", "do_nothing"], actions);
    }
}
