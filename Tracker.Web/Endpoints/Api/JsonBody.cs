using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Tracker.Core.Validation;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Tracker.Web.Endpoints.Api;

/// <summary>
/// A JSON request body that never fails binding: malformed JSON, a wrong type or an unknown enum word
/// becomes a validation error naming the field (<c>payoutType</c>, <c>conversionCap.timeZone</c>),
/// which the handler returns as a 400 problem. The framework's own <c>[FromBody]</c> binding answers
/// such bodies with a bare 400 that tells the caller nothing.
/// </summary>
public sealed class JsonBody<T> : IBindableFromHttpContext<JsonBody<T>>, IEndpointParameterMetadataProvider
    where T : class
{
    /// <summary>Admin API bodies are small; anything larger is a mistake, not data.</summary>
    public const int MaxBytes = 1024 * 1024;

    private JsonBody(T? value, ValidationErrors errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The deserialized body; null exactly when <see cref="Errors"/> is not valid.</summary>
    public T? Value { get; }

    public ValidationErrors Errors { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (!context.Request.HasJsonContentType())
            return Fail("body", "Send the body as JSON with the header 'Content-Type: application/json'.");

        var bytes = await ReadLimitedAsync(context.Request.Body, context.RequestAborted);
        if (bytes is null) return Fail("body", $"The body is larger than {MaxBytes / 1024} KB.");
        if (bytes.Length == 0) return Fail("body", "The body is empty: send a JSON object.");

        var syntaxError = JsonSyntax.FindError(bytes);
        if (syntaxError is not null) return Fail(syntaxError.Value.Field, syntaxError.Value.Message);

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, options);
            return value is null ? Fail("body", "Send a JSON object, not null.") : new JsonBody<T>(value, new ValidationErrors());
        }
        catch (JsonException ex)
        {
            var (field, message) = JsonFieldError.Describe(ex.Path, bytes, options.GetTypeInfo(typeof(T)), options);
            return Fail(field, message);
        }
    }

    /// <summary>
    /// Declares the JSON body: the OpenAPI document describes it, and routing answers 415 to any other
    /// content type before binding runs.
    /// </summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsJson(typeof(T)));

    private static JsonBody<T> Fail(string field, string message) => new(null, ValidationErrors.Single(field, message));

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private sealed class AcceptsJson(Type requestType) : IAcceptsMetadata
    {
        public IReadOnlyList<string> ContentTypes { get; } = ["application/json"];
        public Type? RequestType => requestType;
        public bool IsOptional => false;
    }
}

/// <summary>Finds the first syntax error in a JSON document and the field it occurred in.</summary>
internal static class JsonSyntax
{
    public static (string Field, string Message)? FindError(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        // Property names on the way down, so the error can name e.g. "conversionCap.dailyLimit".
        var path = new List<string?>();
        // The last property name read at the current depth: a syntax error in or right after its value
        // (`"payoutValue": 12,5`) is reported on that field.
        string? lastProperty = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        lastProperty = reader.GetString();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add(lastProperty);
                        lastProperty = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        // Back in the parent, whose last property is the one this container was the value of.
                        if (path.Count > 0)
                        {
                            lastProperty = path[^1];
                            path.RemoveAt(path.Count - 1);
                        }
                        break;
                    default:
                        break;
                }
            }
            return null;
        }
        catch (JsonException ex)
        {
            var segments = path.Append(lastProperty).Where(s => !string.IsNullOrEmpty(s)).Select(s => JsonFieldError.CamelCase(s!));
            var field = string.Join('.', segments);
            var where = $"line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}";
            return (field.Length == 0 ? "body" : field,
                $"The body is not valid JSON ({where}): check quotes, commas and brackets near this field.");
        }
    }
}

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
