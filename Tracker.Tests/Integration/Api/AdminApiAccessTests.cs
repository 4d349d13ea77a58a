using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Security;

namespace Tracker.Tests.Integration.Api;

public sealed class AdminApiAccessTests(SharedApiHost app) : IClassFixture<SharedApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every admin API route; <see cref="TheTableListsEveryApiRouteTheTrackerServes"/> keeps it complete.</summary>
    private static readonly (string Method, string Path)[] Table =
    [
        ("GET", "/api/v1/affiliate-networks"), ("POST", "/api/v1/affiliate-networks"),
        ("GET", "/api/v1/affiliate-networks/1"), ("PUT", "/api/v1/affiliate-networks/1"), ("DELETE", "/api/v1/affiliate-networks/1"),
        ("GET", "/api/v1/groups"), ("POST", "/api/v1/groups"),
        ("GET", "/api/v1/groups/1"), ("PUT", "/api/v1/groups/1"), ("DELETE", "/api/v1/groups/1"),
        ("GET", "/api/v1/offers"), ("POST", "/api/v1/offers"),
        ("GET", "/api/v1/offers/1"), ("PUT", "/api/v1/offers/1"), ("DELETE", "/api/v1/offers/1"),
        ("GET", "/api/v1/offers/1/archive"), ("POST", "/api/v1/offers/1/archive"), ("DELETE", "/api/v1/offers/1/archive"),
        ("GET", "/api/v1/campaigns"), ("POST", "/api/v1/campaigns"),
        ("GET", "/api/v1/campaigns/1"), ("PUT", "/api/v1/campaigns/1"), ("DELETE", "/api/v1/campaigns/1"),
        ("GET", "/api/v1/clicks/abc"),
        ("GET", "/api/v1/conversions"), ("GET", "/api/v1/postbacks"),
        ("POST", "/api/v1/reports"),
        ("GET", "/api/v1/backups"), ("POST", "/api/v1/backups"), ("GET", "/api/v1/backups/tracker.db"),
        ("GET", "/api/v1/settings"), ("PUT", "/api/v1/settings"),
        ("GET", "/api/v1/settings/admin-access"), ("PUT", "/api/v1/settings/admin-access"),
    ];

    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in Table) data.Add(method, path);
        return data;
    }

    [Fact]
    public void TheTableListsEveryApiRouteTheTrackerServes()
    {
        var served = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .ToList();

        Assert.NotEmpty(served);
        var missing = served
            .Where(route => !Table.Any(t => t.Method == route.Method && PatternMatches(route.Pattern, t.Path)))
            .Select(route => $"{route.Method} {route.Pattern}")
            .ToList();
        Assert.Empty(missing);
    }

    /// <summary>"/api/v1/offers/{id:int}/archive" matches "/api/v1/offers/1/archive"; a trailing slash does not matter.</summary>
    private static bool PatternMatches(string pattern, string path)
    {
        var regex = "^" + string.Join("/", pattern.TrimEnd('/').Split('/')
            .Select(segment => segment.StartsWith('{') ? "[^/]+" : System.Text.RegularExpressions.Regex.Escape(segment))) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(path, regex);
    }

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
