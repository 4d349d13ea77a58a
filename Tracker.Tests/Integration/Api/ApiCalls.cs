using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tracker.Web.Endpoints.Api;

namespace Tracker.Tests.Integration.Api;

/// <summary>Raw JSON in, parsed JSON out: the tests see exactly what a script talking to the API sees.</summary>
internal static class ApiCalls
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json) =>
        client.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode json) =>
        client.PostJsonAsync(path, json.ToJsonString());

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, JsonNode json) =>
        client.PutJsonAsync(path, json.ToJsonString());

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct)) as JsonObject)
        ?? throw new InvalidOperationException("The body is not a JSON object.");

    public static async Task<JsonArray> ReadArrayAsync(this HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct)) as JsonArray)
        ?? throw new InvalidOperationException("The body is not a JSON array.");

    /// <summary>Asserts the status and returns the body, printing the body when the status is unexpected.</summary>
    public static async Task<JsonObject> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    /// <summary>Asserts a 400 validation problem and returns its field → messages.</summary>
    public static async Task<Dictionary<string, string[]>> ExpectValidationProblemAsync(this HttpResponseMessage response)
    {
        var body = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = body["errors"]?.AsObject() ?? throw new InvalidOperationException($"No 'errors' in {body}");
        return errors.ToDictionary(kv => kv.Key, kv => kv.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());
    }

    public static async Task<JsonObject> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, body["status"]?.GetValue<int>());
        return body;
    }

    public static async Task<int> CreateAsync(this HttpClient client, string path, string json)
    {
        var created = await (await client.PostJsonAsync(path, json)).ExpectAsync(HttpStatusCode.Created);
        return created["id"]!.GetValue<int>();
    }

    public static Task<int> CreateGroupAsync(this HttpClient client, string name) =>
        client.CreateAsync("/api/v1/groups", $$"""{ "name": "{{name}}" }""");

    public static Task<int> CreateNetworkAsync(this HttpClient client, string name, string offerParameters = "&sub1={subid}") =>
        client.CreateAsync("/api/v1/affiliate-networks", $$"""{ "name": "{{name}}", "offerParameters": "{{offerParameters}}" }""");

    public static Task<int> CreateOfferAsync(this HttpClient client, string name, string url = "https://network.example/click?o=77&s={subid}") =>
        client.CreateAsync("/api/v1/offers", $$"""{ "name": "{{name}}", "url": "{{url}}" }""");

    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string path) =>
        await (await client.GetAsync(path, Ct)).ExpectAsync(HttpStatusCode.OK);

    private static JsonSerializerOptions CreateJson()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(o);
        return o;
    }
}
