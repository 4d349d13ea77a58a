using System.Net;
using System.Text.Json.Nodes;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Integration.Api;

/// <summary>
/// The API takes back what it gives: an object read with GET, sent to POST as it is (its id, null or
/// not, its version and every read-only field), creates a new resource; the server sets what is its own.
/// </summary>
public sealed class ApiRoundTripTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var resource in new[] { "offers", "affiliate-networks", "groups", "campaigns" })
            foreach (var id in new[] { "null", "theirs", "absent" })
                data.Add(resource, id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABodyReadFromGetCreatesANewResourceAndServerSetFieldsAreIgnored(string resource, string idVariant)
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var sourceId = await CreateSourceAsync(client, resource);
        var read = await client.GetObjectAsync($"/api/v1/{resource}/{sourceId}");
        Assert.Equal(1, read["version"]!.GetValue<int>());

        var body = read.DeepClone().AsObject();
        switch (idVariant)
        {
            case "null": body["id"] = null; break;
            case "absent": body.Remove("id"); break;
            case "theirs": break;
            default: throw new ArgumentOutOfRangeException(nameof(idVariant));
        }
        body["name"] = $"{read["name"]!.GetValue<string>()} copy";
        if (resource == "campaigns") body["alias"] = "copied-campaign";
        // Whatever a client leaves in (or fiddles with) in server-set fields is not its to decide.
        body["version"] = 7;
        foreach (var field in ReadOnlyFields(resource))
            if (body.ContainsKey(field)) body[field] = field.EndsWith("At", StringComparison.Ordinal) ? "2001-01-01T00:00:00Z" : JsonValue.Create(field.EndsWith("Count", StringComparison.Ordinal) ? 99 : (object)"https://evil.example/x");

        var created = await (await client.PostJsonAsync($"/api/v1/{resource}", body)).ExpectAsync(HttpStatusCode.Created);

        var newId = created["id"]!.GetValue<int>();
        Assert.NotEqual(sourceId, newId);
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.Equal(body["name"]!.GetValue<string>(), created["name"]!.GetValue<string>());
        foreach (var field in ReadOnlyFields(resource).Where(created.ContainsKey))
            Assert.NotEqual(body[field]?.ToJsonString(), created[field]?.ToJsonString());
        // The source is untouched.
        var source = await client.GetObjectAsync($"/api/v1/{resource}/{sourceId}");
        Assert.Equal(read.ToJsonString(), source.ToJsonString());
    }

    [Fact]
    public async Task ACampaignReadFromGetKeepsItsStreamsWhenCopiedAndTheOriginalKeepsItsOwn()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var campaignId = await CreateSourceAsync(client, "campaigns");
        var read = await client.GetObjectAsync($"/api/v1/campaigns/{campaignId}");

        var body = read.DeepClone().AsObject();
        body["id"] = null;
        body["alias"] = "copy-of-it";
        var created = await (await client.PostJsonAsync("/api/v1/campaigns", body)).ExpectAsync(HttpStatusCode.Created);

        var sourceStreams = read["streams"]!.AsArray().Select(s => s!["id"]!.GetValue<int>()).ToList();
        var copiedStreams = created["streams"]!.AsArray().Select(s => s!["id"]!.GetValue<int>()).ToList();
        Assert.Equal(sourceStreams.Count, copiedStreams.Count);
        Assert.Empty(sourceStreams.Intersect(copiedStreams));
        Assert.Equal(read["streams"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()), created["streams"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(read.ToJsonString(), (await client.GetObjectAsync($"/api/v1/campaigns/{campaignId}")).ToJsonString());
    }

    [Fact]
    public async Task APutOfWhatGetReturnedSavesWithTheRoutesIdWhateverTheBodysIdSays()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var offerId = await client.CreateOfferAsync("Original");
        var body = await client.GetObjectAsync($"/api/v1/offers/{offerId}");
        body["id"] = null;
        body["notes"] = "edited";

        var saved = await (await client.PutJsonAsync($"/api/v1/offers/{offerId}", body)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((offerId, 2, "edited"), (saved["id"]!.GetValue<int>(), saved["version"]!.GetValue<int>(), saved["notes"]!.GetValue<string>()));
    }

    private static string[] ReadOnlyFields(string resource) => resource switch
    {
        "offers" => ["localUrl", "createdAt", "updatedAt"],
        "affiliate-networks" => ["postbackUrl", "offerCount", "createdAt", "updatedAt"],
        "groups" => ["offerCount"],
        "campaigns" => ["trackingUrl"],
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };

    private static async Task<int> CreateSourceAsync(HttpClient client, string resource)
    {
        switch (resource)
        {
            case "offers":
                var networkId = await client.CreateNetworkAsync("Network for offers");
                return await client.CreateAsync("/api/v1/offers", $$"""
                    { "name": "Casino DE", "url": "https://network.example/c?s={subid}", "affiliateNetworkId": {{networkId}},
                      "payoutValue": 12.5, "payoutCurrency": "EUR", "countries": ["DE"],
                      "conversionCap": { "enabled": true, "dailyLimit": 5, "timeZone": "Europe/Berlin" } }
                    """);
            case "affiliate-networks":
                return await client.CreateAsync("/api/v1/affiliate-networks",
                    """{ "name": "Affise", "offerParameters": "&sub1={subid}", "postbackParameters": "subid={sub1}&status={status}" }""");
            case "groups":
                var groupId = await client.CreateGroupAsync("Casino");
                await client.CreateAsync("/api/v1/offers", $$"""{ "name": "In the group", "url": "https://n.example/", "groupId": {{groupId}} }""");
                return groupId;
            case "campaigns":
                var offerId = await client.CreateOfferAsync("Campaign offer");
                return await client.CreateAsync("/api/v1/campaigns", $$"""
                    { "name": "Summer", "alias": "summer",
                      "streams": [
                        { "name": "DE", "type": "forced", "filters": [ { "type": "country", "mode": "include", "values": ["DE"] } ],
                          "action": "offers", "offers": [ { "offerId": {{offerId}}, "share": 100 } ] },
                        { "name": "Rest", "type": "default", "action": "status404" } ] }
                    """);
            default:
                throw new ArgumentOutOfRangeException(nameof(resource));
        }
    }
}
