using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Endpoints.Api;

/// <summary>
/// JSON conventions of the admin API: camelCase, enums as snake_case words, numbers as JSON numbers
/// (a quoted "12.5" is a type error, as the OpenAPI document says, not silently accepted), and
/// server-set fields (<see cref="ReadOnlyFieldAttribute"/>) skipped on input whatever they hold, so
/// a body read from GET, with <c>"id": null</c>, a stale <c>postbackUrl</c> or <c>createdAt</c>, can be
/// sent back as it is.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.NumberHandling = JsonNumberHandling.Strict;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        o.TypeInfoResolver = (o.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(SkipReadOnlyFieldsOnInput);
    }

    private static void SkipReadOnlyFieldsOnInput(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
            // No setter: the reader skips the value (any JSON, null included); writing is unchanged.
            if (property.AttributeProvider?.IsDefined(typeof(ReadOnlyFieldAttribute), inherit: true) == true)
                property.Set = null;
    }
}
