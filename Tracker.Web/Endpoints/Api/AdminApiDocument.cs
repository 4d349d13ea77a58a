using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tracker.Web.Endpoints.Api.Dtos;
using Tracker.Web.Security;

namespace Tracker.Web.Endpoints.Api;

/// <summary>
/// The OpenAPI document at <c>/api/v1/openapi.json</c>: only the admin API (not the click, postback or
/// admin UI routes), its <c>Api-Key</c> security scheme, tags, and problem details for every error.
/// </summary>
public static class AdminApiDocument
{
    public const string SecuritySchemeName = "ApiKey";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Affiliate networks", "Networks whose offer parameters carry the click's {subid}, each with the postback URL to paste into it."),
        ("Offer groups", "Folders for offers."),
        ("Offers", "Where visitors are sent and how the money for them is counted."),
        ("Settings", "Base currency, time zone, exchange rates and the postback URL."),
        ("Campaigns", "Tracking links /{alias} and the ordered streams that route their visitors to offers."),
        ("Conversions", "Conversions recorded from the networks' postbacks, with status and revenue."),
        ("Postbacks", "Every postback received, with what the tracker did with it."),
        ("Reports", "Clicks, conversions, revenue, cost and profit, grouped and filtered, from the rollups."),
    ];

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description =>
            description.RelativePath is { } path && path.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase);
        options.AddDocumentTransformer(DescribeDocumentAsync);
        options.AddOperationTransformer(DescribeErrorResponsesAsync);
        options.AddSchemaTransformer(MarkReadOnlyFieldsAsync);
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Tracker admin API",
            Version = "v1",
            Description =
                "Manage affiliate networks, offer groups, offers and settings of a Tracker install. " +
                $"Every request sends the API key (Settings → API key, or Tracker:ApiKey) in the '{ApiKeyFilter.HeaderName}' header. " +
                "JSON is camelCase and enum values are snake_case words. Errors are RFC 7807 problem details; " +
                "validation errors (400) name each invalid field in 'errors'. Every PUT carries the 'version' it read: " +
                "an older version answers 409 and saves nothing.",
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.HeaderName,
            Description = "The admin API key from Settings → API key (or Tracker:ApiKey in appsettings.json).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [],
        });

        // Describe the tags the operations use, resources first, in a stable order.
        var used = (document.Paths ?? [])
            .SelectMany(p => p.Value.Operations ?? [])
            .SelectMany(o => o.Value.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);
        var described = Tags.Where(t => used.Contains(t.Name)).Select(t => new OpenApiTag { Name = t.Name, Description = t.Description });
        var others = used.Where(n => Tags.All(t => t.Name != n)).Order(StringComparer.Ordinal).Select(n => new OpenApiTag { Name = n });
        document.Tags = new HashSet<OpenApiTag>(described.Concat(others));
        return Task.CompletedTask;
    }

    /// <summary>Says what each error status means for this API; the bodies are problem details.</summary>
    private static Task DescribeErrorResponsesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        // Every operation inherits the group-wide "Admin API" tag; where a resource tag exists it is noise
        // that makes viewers list each operation twice.
        if (operation.Tags is { Count: > 1 } tags)
            foreach (var tag in tags.Where(t => t.Name == "Admin API").ToList())
                tags.Remove(tag);

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (!int.TryParse(status, out var code) || code < 400 || response is not OpenApiResponse r) continue;
            r.Description = code switch
            {
                400 => "Invalid input: 'errors' names each field and says what to fix.",
                401 => $"Missing or wrong '{ApiKeyFilter.HeaderName}' header.",
                404 => "No such item.",
                409 => "A stale version (nothing saved; 'current' holds the current item) or an item still in use.",
                _ => r.Description,
            };
        }
        return Task.CompletedTask;
    }

    /// <summary>The schema of a text parameter that takes one of a few words.</summary>
    internal static OpenApiSchema Words(IEnumerable<string> words, string? defaultWord = null) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. words.Select(w => (System.Text.Json.Nodes.JsonNode)w)],
        Default = defaultWord,
    };

    /// <summary>The schema of a whole-number (int32) parameter.</summary>
    internal static OpenApiSchema WholeNumber(int minimum, int? maximum = null, int? defaultValue = null) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
        Default = defaultValue,
    };

    /// <summary>
    /// Gives an operation's parameters the schemas a list endpoint takes them by (its parameters are
    /// read as text so a wrong value gets a 400 naming it); a null schema keeps the inferred one.
    /// </summary>
    internal static void DescribeParameters(OpenApiOperation operation, Func<string?, OpenApiSchema?> schemaFor)
    {
        foreach (var p in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            if (schemaFor(p.Name) is { } schema) p.Schema = schema;
    }

    private static Task MarkReadOnlyFieldsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        // Money is exact in JSON (a decimal, never a binary float): say so to client generators.
        if (context.JsonTypeInfo.Type == typeof(decimal)) schema.Format = "decimal";
        var provider = context.JsonPropertyInfo?.AttributeProvider;
        if (provider is not null && provider.IsDefined(typeof(ReadOnlyFieldAttribute), inherit: true))
            schema.ReadOnly = true;
        return Task.CompletedTask;
    }
}
