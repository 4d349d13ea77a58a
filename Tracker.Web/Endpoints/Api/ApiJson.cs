using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Web.Endpoints.Api;

/// <summary>JSON conventions of the admin API: camelCase, enums as snake_case words.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }
}
