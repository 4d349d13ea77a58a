using System.Net;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Integration.Api;

public sealed class GroupsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GroupsAreCreatedListedRenamedAndDeleted()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var created = await (await client.PostJsonAsync("/api/v1/groups", """{ "name": "  Nutra  " }""")).ExpectAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();
        Assert.Equal("Nutra", created["name"]!.GetValue<string>());
        await client.CreateGroupAsync("Casino");

        var list = await (await client.GetAsync("/api/v1/groups", Ct)).ReadArrayAsync();
        Assert.Equal(["Casino", "Nutra"], list.Select(g => g!["name"]!.GetValue<string>()));

        var renamed = await (await client.PutJsonAsync($"/api/v1/groups/{id}", """{ "name": "Nutra EU", "version": 1 }""")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, renamed["version"]!.GetValue<int>());
        Assert.Equal("Nutra EU", (await client.GetObjectAsync($"/api/v1/groups/{id}"))["name"]!.GetValue<string>());

        await (await client.DeleteAsync($"/api/v1/groups/{id}", Ct)).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync($"/api/v1/groups/{id}", Ct)).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DuplicateOrEmptyNameIsAProblemNamingTheName()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        await client.CreateGroupAsync("Casino");
        var errors = await (await client.PostJsonAsync("/api/v1/groups", """{ "name": "Casino" }""")).ExpectValidationProblemAsync();
        Assert.Contains("already exists", Assert.Single(errors["name"]));
        errors = await (await client.PostJsonAsync("/api/v1/groups", """{ "name": "" }""")).ExpectValidationProblemAsync();
        Assert.Single(errors["name"]);
        Assert.Single(await (await client.GetAsync("/api/v1/groups", Ct)).ReadArrayAsync());
    }

    [Fact]
    public async Task RenameOverAStaleVersionIsAConflict()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var id = await client.CreateGroupAsync("Sweeps");
        await (await client.PutJsonAsync($"/api/v1/groups/{id}", """{ "name": "Sweeps US", "version": 1 }""")).ExpectAsync(HttpStatusCode.OK);
        var problem = await (await client.PutJsonAsync($"/api/v1/groups/{id}", """{ "name": "Sweeps CA", "version": 1 }"""))
            .ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Sweeps US", problem["current"]!["name"]!.GetValue<string>());
        await (await client.PutJsonAsync("/api/v1/groups/999", """{ "name": "Ghost", "version": 1 }""")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GroupWithOffersCannotBeDeleted()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var id = await client.CreateGroupAsync("Casino");
        await client.CreateAsync("/api/v1/offers", $$"""{ "name": "Casino DE", "url": "https://c.example/", "groupId": {{id}} }""");

        Assert.Equal(1, (await client.GetObjectAsync($"/api/v1/groups/{id}"))["offerCount"]!.GetValue<int>());
        var problem = await (await client.DeleteAsync($"/api/v1/groups/{id}", Ct)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("move them to another group", problem["detail"]!.GetValue<string>());
        await client.GetObjectAsync($"/api/v1/groups/{id}");
    }
}
