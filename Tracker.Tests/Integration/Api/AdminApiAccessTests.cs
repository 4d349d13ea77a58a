using System.Net;
using System.Text;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Security;

namespace Tracker.Tests.Integration.Api;

public sealed class AdminApiAccessTests(SharedApiHost app) : IClassFixture<SharedApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/v1/affiliate-networks" }, { "POST", "/api/v1/affiliate-networks" },
        { "GET", "/api/v1/affiliate-networks/1" }, { "PUT", "/api/v1/affiliate-networks/1" }, { "DELETE", "/api/v1/affiliate-networks/1" },
        { "GET", "/api/v1/groups" }, { "POST", "/api/v1/groups" },
        { "GET", "/api/v1/groups/1" }, { "PUT", "/api/v1/groups/1" }, { "DELETE", "/api/v1/groups/1" },
        { "GET", "/api/v1/offers" }, { "POST", "/api/v1/offers" },
        { "GET", "/api/v1/offers/1" }, { "PUT", "/api/v1/offers/1" }, { "DELETE", "/api/v1/offers/1" },
        { "GET", "/api/v1/settings" }, { "PUT", "/api/v1/settings" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryRouteRefusesARequestWithoutTheKey(string method, string path)
    {
        var client = app.App.CreateClient();
        var response = await client.SendAsync(Request(method, path), Ct);
        var problem = await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(ApiKeyFilter.HeaderName, problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryRouteRefusesAWrongKey(string method, string path)
    {
        var client = app.App.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, TrackerApplication.TestApiKey + "x");
        await (await client.SendAsync(Request(method, path), Ct)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WriteWithoutTheKeyChangesNothing()
    {
        var client = app.App.CreateClient();
        await client.PostJsonAsync("/api/v1/groups", """{ "name": "Sneaky" }""");
        var groups = await (await app.Client.GetAsync("/api/v1/groups", Ct)).ReadArrayAsync();
        Assert.DoesNotContain(groups, g => g!["name"]!.GetValue<string>() == "Sneaky");
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "POST" or "PUT" ? new StringContent("""{ "name": "X", "version": 1 }""", Encoding.UTF8, "application/json") : null,
    };
}
