using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Integration.Api;

public sealed partial class AdminApiDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenApiDocumentListsEveryAdminApiRoute()
    {
        await using var app = new TrackerApplication();
        var document = await ReadDocumentAsync(app);
        var paths = document["paths"]!.AsObject();

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m.ToLowerInvariant(), Path: DocumentPath(e.RoutePattern.RawText!))))
            .ToList();

        // The resources this branch owns must be among them, so the check below cannot pass vacuously.
        string[] owned =
        [
            "get /api/v1/affiliate-networks", "post /api/v1/affiliate-networks", "get /api/v1/affiliate-networks/{id}",
            "put /api/v1/affiliate-networks/{id}", "delete /api/v1/affiliate-networks/{id}",
            "get /api/v1/groups", "post /api/v1/groups", "get /api/v1/groups/{id}", "put /api/v1/groups/{id}", "delete /api/v1/groups/{id}",
            "get /api/v1/offers", "post /api/v1/offers", "get /api/v1/offers/{id}", "put /api/v1/offers/{id}", "delete /api/v1/offers/{id}",
            "get /api/v1/settings", "put /api/v1/settings",
        ];
        Assert.Subset(routes.Select(r => $"{r.Method} {r.Path}").ToHashSet(), owned.ToHashSet());

        foreach (var (method, path) in routes)
        {
            var operation = paths[path]?[method];
            Assert.True(operation is not null, $"{method.ToUpperInvariant()} {path} is missing from the OpenAPI document.");
            Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary.");
            Assert.NotEmpty(operation["tags"]!.AsArray());
            Assert.True(operation["responses"]?["401"] is not null, $"{method} {path} does not document the 401.");
        }
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p.Key));
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheApiKeyProblemsAndReadOnlyFields()
    {
        await using var app = new TrackerApplication();
        var document = await ReadDocumentAsync(app);

        // A valid OpenAPI 3.1 document, as a client generator reads it.
        var parsed = Microsoft.OpenApi.OpenApiDocument.Parse(document.ToJsonString(), "json");
        Assert.Empty(parsed.Diagnostic?.Errors ?? []);
        Assert.Equal("Tracker admin API", parsed.Document?.Info?.Title);

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("Api-Key", scheme["name"]!.GetValue<string>());
        Assert.NotNull(document["security"]![0]!["ApiKey"]);

        var put = document["paths"]!["/api/v1/offers/{id}"]!["put"]!;
        Assert.Equal("#/components/schemas/OfferDto", put["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        foreach (var status in new[] { "400", "401", "404", "409" })
            Assert.NotNull(put["responses"]![status]!["content"]!["application/problem+json"]);
        Assert.EndsWith("HttpValidationProblemDetails", put["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());

        var offer = document["components"]!["schemas"]!["OfferDto"]!["properties"]!;
        Assert.True(offer["id"]!["readOnly"]!.GetValue<bool>());
        Assert.True(offer["localUrl"]!["readOnly"]!.GetValue<bool>());
        Assert.Null(offer["name"]!["readOnly"]);
        Assert.Equal("decimal", offer["payoutValue"]!["format"]!.GetValue<string>());
        Assert.True(document["components"]!["schemas"]!["SettingsDto"]!["properties"]!["postbackKey"]!["readOnly"]!.GetValue<bool>());

        var redirectTypes = document["components"]!["schemas"]!["RedirectType"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal(["http", "meta", "double_meta", "js", "blank_referrer", "formsubmit", "iframe"], redirectTypes);

        var list = document["paths"]!["/api/v1/offers"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal(["search", "groupId", "affiliateNetworkId", "state", "sort", "order", "skip", "take"], list.Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("integer", list.Single(p => p!["name"]!.GetValue<string>() == "groupId")!["schema"]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/OfferPageDto", document["paths"]!["/api/v1/offers"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());

        var tags = document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Subset(tags.ToHashSet(), new HashSet<string> { "Affiliate networks", "Offer groups", "Offers", "Settings" });
    }

    /// <summary>The document is public (no key needed), so tools can fetch it to generate a client.</summary>
    private static async Task<JsonObject> ReadDocumentAsync(TrackerApplication app)
    {
        var response = await app.CreateClient().GetAsync("/api/v1/openapi.json", Ct);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
    }

    /// <summary><c>/api/v1/offers/{id:int}/</c> → <c>/api/v1/offers/{id}</c>, as OpenAPI writes paths.</summary>
    private static string DocumentPath(string routePattern) =>
        RouteParameter().Replace(routePattern, m => "{" + m.Groups["name"].Value + "}").TrimEnd('/');

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
