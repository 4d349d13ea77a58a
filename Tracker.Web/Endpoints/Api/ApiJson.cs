using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Web.Endpoints.Api;

/// <summary>
/// JSON conventions of the admin API: camelCase, enums as snake_case words, numbers as JSON numbers
/// (a quoted "12.5" is a type error, as the OpenAPI document says, not silently accepted).
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.NumberHandling = JsonNumberHandling.Strict;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }
}
