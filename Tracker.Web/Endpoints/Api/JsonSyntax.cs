using System.Text.Json;

namespace Tracker.Web.Endpoints.Api;

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
