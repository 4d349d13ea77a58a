using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Tracker.Web.Postbacks;

/// <summary>
/// Reads a postback's parameters from the query string and, for POST, from a form or JSON body.
/// Anything over <see cref="MaxBytes"/> is refused before it is parsed: a network never needs more,
/// and a flood of large requests must not cost memory.
/// </summary>
public static class PostbackRequestReader
{
    public const int MaxBytes = 16 * 1024;

    public static async Task<PostbackReadResult> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var request = http.Request;
        var query = request.QueryString.HasValue ? request.QueryString.Value! : "";
        if (query.Length > MaxBytes)
            return Refused(StatusCodes.Status414UriTooLong, $"The query string is longer than {MaxBytes / 1024} KB.", query[..MaxBytes]);
        if (request.ContentLength > MaxBytes)
            return Refused(StatusCodes.Status413PayloadTooLarge, $"The body is longer than {MaxBytes / 1024} KB.", query);

        // Kestrel then stops a chunked body at the limit too; the bounded read below covers every server.
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = MaxBytes + 1;

        var body = "";
        byte[] bodyBytes = [];
        if (HttpMethods.IsPost(request.Method))
        {
            try
            {
                bodyBytes = await ReadBoundedAsync(request.Body, MaxBytes + 1, ct);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // Kestrel's own limit (set above) stopped a chunked body that kept coming.
                return Refused(StatusCodes.Status413PayloadTooLarge, $"The body is longer than {MaxBytes / 1024} KB.", query);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The network hung up mid-body; no one hears the answer, but the log shows what came in.
                return Refused(StatusCodes.Status400BadRequest, "The body cannot be read: the connection closed before the body was complete.", query);
            }
            catch (IOException ex)
            {
                // BadHttpRequestException is an IOException too: a body cut off before its Content-Length,
                // a broken chunk, a connection reset mid-body. The network learns why; the log keeps it.
                return Refused(StatusCodes.Status400BadRequest, $"The body cannot be read: {ex.Message}", query);
            }
            if (bodyBytes.Length > MaxBytes)
                return Refused(StatusCodes.Status413PayloadTooLarge, $"The body is longer than {MaxBytes / 1024} KB.", query);
            body = Encoding.UTF8.GetString(bodyBytes);
        }

        var raw = body.Length == 0 ? query : $"{query}\n{body}";
        var fields = new List<KeyValuePair<string, string?>>();
        foreach (var (name, values) in request.Query)
            foreach (var value in values)
                fields.Add(new(name, value));

        if (body.Length > 0)
        {
            var contentType = request.ContentType ?? "";
            try
            {
                if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase) || body.TrimStart().StartsWith('{'))
                {
                    var error = AddJsonFields(body, fields);
                    if (error.Length > 0) return Refused(StatusCodes.Status400BadRequest, error, raw);
                }
                else if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                {
                    request.Body = new MemoryStream(bodyBytes);
                    var form = await request.ReadFormAsync(ct);
                    foreach (var (name, values) in form)
                        foreach (var value in values)
                            fields.Add(new(name, value));
                }
                else
                {
                    // Form-encoded, or a network that posts "a=1&b=2" with no or a wrong content type.
                    foreach (var (name, values) in QueryHelpers.ParseQuery(body))
                        foreach (var value in values)
                            fields.Add(new(name, value));
                }
            }
            catch (InvalidDataException ex)
            {
                return Refused(StatusCodes.Status400BadRequest, $"The form body cannot be read: {ex.Message}", raw);
            }
            catch (IOException ex)
            {
                // A multipart body that ends before its closing boundary (cut off in transit).
                return Refused(StatusCodes.Status400BadRequest, $"The form body is incomplete (cut off before its closing boundary?): {ex.Message}", raw);
            }
        }

        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "";
        return new PostbackReadResult(new PostbackRequest(request.Method, ip, raw, fields), StatusCodes.Status200OK, "", raw);
    }

    private static string AddJsonFields(string body, List<KeyValuePair<string, string?>> fields)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return $"The body is not valid JSON ({ex.Message}).";
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return "The JSON body must be an object of parameters, e.g. {\"subid\":\"…\",\"status\":\"sale\"}.";
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    // Numbers keep their exact text: 10.50 stays "10.50", never a binary double.
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Null => "",
                    _ => null,
                };
                if (value is not null) fields.Add(new(property.Name, value));
            }
        }
        return "";
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (buffer.Length < limit)
        {
            var read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct);
            if (read == 0) break;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static PostbackReadResult Refused(int status, string error, string raw) => new(null, status, error, raw);
}
