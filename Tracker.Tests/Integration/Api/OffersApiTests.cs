using System.Net;
using System.Text.Json.Nodes;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;

namespace Tracker.Tests.Integration.Api;

public sealed class OffersApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfferRoundTripsEveryFieldItWasCreatedWith()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var groupId = await client.CreateGroupAsync("Casino");
        var networkId = await client.CreateNetworkAsync("Affise");
        var alternativeId = await client.CreateOfferAsync("Casino AT fallback");

        var sent = new JsonObject
        {
            ["name"] = "Casino DE",
            ["groupId"] = groupId,
            ["affiliateNetworkId"] = networkId,
            ["redirectType"] = "blank_referrer",
            ["url"] = "https://network.example/click?o=77&s={subid}&kw={keyword}",
            ["isLocal"] = false,
            ["countries"] = new JsonArray("AT", "DE"),
            ["payoutType"] = "cpa",
            ["payoutAuto"] = false,
            ["payoutValue"] = 12.5m,
            ["payoutCurrency"] = "EUR",
            ["rebills"] = true,
            ["conversionCap"] = new JsonObject
            {
                ["enabled"] = true, ["dailyLimit"] = 50, ["timeZone"] = "Europe/Berlin", ["alternativeOfferId"] = alternativeId,
            },
            ["notes"] = "Only desktop traffic.\nAsk the manager for a raise at 100 FTD.",
            ["state"] = "active",
        };
        var created = await (await client.PostJsonAsync("/api/v1/offers", sent)).ExpectAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();

        var read = await client.GetObjectAsync($"/api/v1/offers/{id}");
        foreach (var (field, value) in sent)
            Assert.True(JsonNode.DeepEquals(value, read[field]), $"{field}: sent {value?.ToJsonString()}, read {read[field]?.ToJsonString()}");
        Assert.Equal(1, read["version"]!.GetValue<int>());
        Assert.Null(read["localUrl"]);
        Assert.Equal(read.ToJsonString(), created.ToJsonString());
    }

    [Fact]
    public async Task TinyPayoutIsStoredAndReturnedExactly()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var id = await client.CreateAsync("/api/v1/offers",
            """{ "name": "Push CPC", "url": "https://push.example/?c={subid}", "payoutType": "cpc", "payoutValue": 0.0005, "payoutCurrency": "usd" }""");

        var response = await client.GetAsync($"/api/v1/offers/{id}", Ct);
        var raw = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"payoutValue\":0.0005,", raw);
        Assert.Contains("\"payoutCurrency\":\"USD\"", raw);
        var stored = await app.Service<OfferStore>().GetAsync(id, Ct);
        Assert.Equal(500, stored!.PayoutMicros);
    }

    [Fact]
    public async Task PayoutFinerThanAMicroUnitIsRefusedRatherThanRounded()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var errors = await (await client.PostJsonAsync("/api/v1/offers",
            """{ "name": "X", "url": "https://x.example/", "payoutValue": 0.0000001 }""")).ExpectValidationProblemAsync();
        Assert.Contains("6 decimal places", Assert.Single(errors["payoutValue"]));

        errors = await (await client.PostJsonAsync("/api/v1/offers",
            """{ "name": "X", "url": "https://x.example/", "payoutValue": -1 }""")).ExpectValidationProblemAsync();
        Assert.Contains("negative", Assert.Single(errors["payoutValue"]));

        // The other fields are still checked, so one answer lists everything to fix.
        errors = await (await client.PostJsonAsync("/api/v1/offers",
            """{ "name": "", "url": "https://x.example/", "payoutValue": 0.1234567 }""")).ExpectValidationProblemAsync();
        Assert.Equal(["name", "payoutValue"], errors.Keys.Order(StringComparer.Ordinal));

        Assert.Equal(0, (await app.Service<OfferStore>().ListAsync(new OfferQuery(State: null), Ct)).Total);
    }

    [Fact]
    public async Task InvalidOfferNamesEveryBadFieldAndSavesNothing()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var errors = await (await client.PostJsonAsync("/api/v1/offers", """
            {
              "name": "  ",
              "url": "ftp://files.example/offer",
              "payoutCurrency": "dollars",
              "countries": ["DE", "XX"],
              "conversionCap": { "enabled": true, "dailyLimit": 10, "timeZone": "Mars/Olympus" }
            }
            """)).ExpectValidationProblemAsync();

        Assert.Equal(["conversionCap.timeZone", "countries", "name", "payoutCurrency", "url"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Mars/Olympus", errors["conversionCap.timeZone"][0]);
        Assert.Contains("http", errors["url"][0]);
        Assert.Equal(0, (await app.Service<OfferStore>().ListAsync(new OfferQuery(State: null), Ct)).Total);
    }

    [Fact]
    public async Task UpdateReplacesTheOfferAndBumpsTheVersion()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var id = await client.CreateOfferAsync("Dating US");
        var offer = await client.GetObjectAsync($"/api/v1/offers/{id}");

        offer["name"] = "Dating US (smartlink)";
        offer["redirectType"] = "formsubmit";
        offer["payoutValue"] = 3.25m;
        offer["id"] = 999; // the route's id wins
        var updated = await (await client.PutJsonAsync($"/api/v1/offers/{id}", offer)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(id, updated["id"]!.GetValue<int>());
        Assert.Equal(2, updated["version"]!.GetValue<int>());
        var read = await client.GetObjectAsync($"/api/v1/offers/{id}");
        Assert.Equal("Dating US (smartlink)", read["name"]!.GetValue<string>());
        Assert.Equal("formsubmit", read["redirectType"]!.GetValue<string>());
        Assert.Equal(3.25m, read["payoutValue"]!.GetValue<decimal>());
        Assert.Equal(404, (int)(await client.GetAsync("/api/v1/offers/999", Ct)).StatusCode);
    }

    [Fact]
    public async Task PutCarryingAnOldVersionIsAConflictAndChangesNothing()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var id = await client.CreateOfferAsync("Crypto CA");
        var first = await client.GetObjectAsync($"/api/v1/offers/{id}");
        var second = first.DeepClone().AsObject();

        first["name"] = "Crypto CA — saved first";
        await (await client.PutJsonAsync($"/api/v1/offers/{id}", first)).ExpectAsync(HttpStatusCode.OK);

        second["name"] = "Crypto CA — saved over a stale copy";
        var problem = await (await client.PutJsonAsync($"/api/v1/offers/{id}", second)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, problem["currentVersion"]!.GetValue<int>());
        Assert.Equal("Crypto CA — saved first", problem["current"]!["name"]!.GetValue<string>());
        Assert.Contains("version 1", problem["detail"]!.GetValue<string>());

        Assert.Equal("Crypto CA — saved first", (await client.GetObjectAsync($"/api/v1/offers/{id}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutWithoutAVersionIsRefusedInsteadOfOverwriting()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var id = await client.CreateOfferAsync("Nutra IT");
        var errors = await (await client.PutJsonAsync($"/api/v1/offers/{id}",
            """{ "name": "Nutra IT v2", "url": "https://n.example/?s={subid}" }""")).ExpectValidationProblemAsync();
        Assert.Contains("version", errors.Keys);
        Assert.Equal("Nutra IT", (await client.GetObjectAsync($"/api/v1/offers/{id}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingOfferIsNotFoundForReadUpdateAndDelete()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var problem = await (await client.GetAsync("/api/v1/offers/4242", Ct)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("4242", problem["detail"]!.GetValue<string>());
        await (await client.PutJsonAsync("/api/v1/offers/4242", """{ "name": "A", "url": "https://a.example/", "version": 1 }"""))
            .ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync("/api/v1/offers/4242", Ct)).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteRemovesAnUnusedOfferButRefusesOneAnotherOfferFallsBackTo()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var fallback = await client.CreateOfferAsync("Fallback");
        await client.CreateAsync("/api/v1/offers", $$"""
            { "name": "Capped", "url": "https://a.example/?s={subid}",
              "conversionCap": { "enabled": true, "dailyLimit": 5, "timeZone": "UTC", "alternativeOfferId": {{fallback}} } }
            """);
        var unused = await client.CreateOfferAsync("Unused");

        var problem = await (await client.DeleteAsync($"/api/v1/offers/{fallback}", Ct)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("conversion cap", problem["detail"]!.GetValue<string>());
        Assert.Contains("archive", problem["detail"]!.GetValue<string>());
        await client.GetObjectAsync($"/api/v1/offers/{fallback}");

        await (await client.DeleteAsync($"/api/v1/offers/{unused}", Ct)).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/offers/{unused}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ListFiltersSortsAndPagesWithTheTotal()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var casino = await client.CreateGroupAsync("Casino");
        var network = await client.CreateNetworkAsync("Alfaleads");
        foreach (var name in new[] { "Casino DE", "Casino AT", "Casino CH" })
            await client.CreateAsync("/api/v1/offers", $$"""{ "name": "{{name}}", "url": "https://c.example/?s={subid}", "groupId": {{casino}} }""");
        await client.CreateAsync("/api/v1/offers", $$"""{ "name": "Dating NL", "url": "https://d.example/?s={subid}", "affiliateNetworkId": {{network}} }""");
        var archived = await client.CreateAsync("/api/v1/offers", """{ "name": "Casino old", "url": "https://c.example/old", "state": "archived" }""");

        var page = await client.GetObjectAsync($"/api/v1/offers?groupId={casino}&sort=name&order=desc&skip=1&take=1");
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Equal("Casino CH", Assert.Single(page["items"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal(1, page["skip"]!.GetValue<int>());
        Assert.Equal(1, page["take"]!.GetValue<int>());

        var byNetwork = await client.GetObjectAsync($"/api/v1/offers?affiliateNetworkId={network}");
        Assert.Equal("Dating NL", Assert.Single(byNetwork["items"]!.AsArray())!["name"]!.GetValue<string>());

        var search = await client.GetObjectAsync("/api/v1/offers?search=casino");
        Assert.Equal(3, search["total"]!.GetValue<int>()); // archived offers are hidden by default

        var onlyArchived = await client.GetObjectAsync("/api/v1/offers?state=archived");
        Assert.Equal(archived, Assert.Single(onlyArchived["items"]!.AsArray())!["id"]!.GetValue<int>());
        Assert.Equal(5, (await client.GetObjectAsync("/api/v1/offers?state=all"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListQueryMistakesNameTheParameter()
    {
        await using var app = new TrackerApplication();
        var errors = await (await app.CreateApiClient().GetAsync("/api/v1/offers?groupId=casino&state=deleted&sort=price&take=5000", Ct))
            .ExpectValidationProblemAsync();
        Assert.Equal(["groupId", "sort", "state", "take"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("name, id, updated, payout", errors["sort"][0]);
    }

    [Fact]
    public async Task LocalOfferWithAnUploadedArchiveShowsWhereItIsServed()
    {
        await using var app = new TrackerApplication(new() { ["Tracker:PublicBaseUrl"] = "https://trk.example.com/" });
        var client = app.CreateApiClient();
        var id = await client.CreateAsync("/api/v1/offers", """{ "name": "Prelander", "isLocal": true }""");
        Assert.Null((await client.GetObjectAsync($"/api/v1/offers/{id}"))["localUrl"]);

        // What the archive upload does; the API must show it and must not wipe it on a PUT.
        await app.Service<OfferStore>().MutateAsync(id, o => o.LocalKey = "k7f3q2", Ct);
        var offer = await client.GetObjectAsync($"/api/v1/offers/{id}");
        Assert.Equal("https://trk.example.com/lo/k7f3q2/", offer["localUrl"]!.GetValue<string>());

        offer["notes"] = "Edited through the API";
        offer["localUrl"] = "https://evil.example/";
        await (await client.PutJsonAsync($"/api/v1/offers/{id}", offer)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("k7f3q2", (await app.Service<OfferStore>().GetAsync(id, Ct))!.LocalKey);
    }
}
