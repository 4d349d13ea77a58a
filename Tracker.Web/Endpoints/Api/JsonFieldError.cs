using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tracker.Web.Endpoints.Api;

/// <summary>Turns a deserialization error at a JSON path into the field name and a message saying what is expected.</summary>
internal static class JsonFieldError
{
    public static (string Field, string Message) Describe(string? jsonPath, byte[] json, JsonTypeInfo root, JsonSerializerOptions options)
    {
        var segments = ParsePath(jsonPath);
        // Field names come from the DTO's contract (camelCase), not from how the client spelled them;
        // a dictionary's keys and array indexes are data, so the field stops at the collection.
        var fieldParts = new List<string>();
        var naming = true;
        Type? target = root.Type;
        foreach (var segment in segments)
        {
            if (target is null) break;
            var info = options.GetTypeInfo(target);
            if (segment.Name is not null && info.Kind == JsonTypeInfoKind.Object)
            {
                var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, segment.Name, StringComparison.OrdinalIgnoreCase));
                if (naming) fieldParts.Add(property?.Name ?? CamelCase(segment.Name));
                target = property?.PropertyType;
            }
            else
            {
                var element = info.Kind switch
                {
                    JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Enumerable => info.ElementType,
                    _ => null,
                };
                // Items of a list of objects (a campaign's streams) are addressed by index, as validation
                // errors address them (streams[1].filters[0].mode); a list of plain values stays one field.
                if (naming && info.Kind == JsonTypeInfoKind.Enumerable && segment.Index is { } index && fieldParts.Count > 0
                    && element is not null && options.GetTypeInfo(element).Kind == JsonTypeInfoKind.Object)
                    fieldParts[^1] += $"[{index}]";
                else
                    naming = false;
                target = element;
            }
        }
        var field = string.Join('.', fieldParts);

        var expected = target is null ? "Check the value's type." : Expected(target, options);
        var found = FindValue(json, segments);
        var message = found is null ? expected : $"{found} is not valid here. {expected}";
        return (field.Length == 0 ? "body" : field, message);
    }

    public static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private sealed record Segment(string? Name, int? Index);

    /// <summary>Parses <c>$.a.b[2]['odd name']</c> into segments.</summary>
    private static List<Segment> ParsePath(string? path)
    {
        var result = new List<Segment>();
        if (string.IsNullOrEmpty(path)) return result;
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                result.Add(new Segment(path[(i + 1)..end], null));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) break;
                result.Add(new Segment(path[(i + 2)..end], null));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0) break;
                result.Add(new Segment(null, int.TryParse(path[(i + 1)..end], out var n) ? n : null));
                i = end + 1;
            }
            else break;
        }
        return result;
    }

    private static string Expected(Type type, JsonSerializerOptions options)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            var words = Enum.GetValues(t).Cast<object>().Select(v => JsonSerializer.Serialize(v, t, options).Trim('"'));
            return $"Use one of: {string.Join(", ", words)}.";
        }
        if (t == typeof(int) || t == typeof(long)) return "Expected a whole number.";
        if (t == typeof(decimal) || t == typeof(double)) return "Expected a number with a dot as decimal separator, e.g. 12.5.";
        if (t == typeof(bool)) return "Expected true or false.";
        if (t == typeof(string)) return "Expected a string in double quotes.";
        if (t == typeof(DateTime) || t == typeof(DateTimeOffset)) return "Expected an ISO 8601 date and time.";
        var info = options.GetTypeInfo(t);
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "Expected an array.",
            JsonTypeInfoKind.Dictionary => "Expected an object of names and values.",
            JsonTypeInfoKind.Object => "Expected a JSON object.",
            JsonTypeInfoKind.None => "Check the value's type.",
            _ => "Check the value's type.",
        };
    }

    /// <summary>The offending value as written, shortened, for the message; null when it cannot be found.</summary>
    private static string? FindValue(byte[] json, List<Segment> segments)
    {
        if (segments.Count == 0) return null;
        using var doc = JsonDocument.Parse(json);
        var element = doc.RootElement;
        foreach (var segment in segments)
        {
            if (segment.Name is not null)
            {
                if (element.ValueKind != JsonValueKind.Object) return null;
                var match = element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, segment.Name, StringComparison.OrdinalIgnoreCase));
                if (match.Value.ValueKind == JsonValueKind.Undefined) return null;
                element = match.Value;
            }
            else if (segment.Index is { } index)
            {
                if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength()) return null;
                element = element[index];
            }
            else return null;
        }
        var raw = element.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
