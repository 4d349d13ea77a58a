using System.Reflection;
using System.Text.Json;
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
