using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracker.Web.Clicks;

namespace Tracker.Web.Data;

/// <summary>
/// The <c>clicks.Trace</c> column: a JSON array whose steps are sentences (strings) or ids of shared
/// sentences (numbers, <see cref="TraceLines"/>). Read, a number becomes a reference that
/// <see cref="TraceLines.ResolveAsync"/> turns into its sentence; written, a reference becomes its number again.
/// </summary>
internal static class TraceColumn
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static PropertyBuilder<List<string>> HasTraceConversion(this PropertyBuilder<List<string>> property)
    {
        property.HasConversion(
            v => Write(v),
            s => Read(s),
            new ValueComparer<List<string>>(
                (a, b) => a!.SequenceEqual(b!),
                v => v.Aggregate(0, (hash, step) => HashCode.Combine(hash, step.GetHashCode(StringComparison.Ordinal))),
                v => v.ToList()));
        return property;
    }

    public static List<string> Read(string json)
    {
        var steps = new List<string>();
        if (string.IsNullOrEmpty(json)) return steps;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("A stored decision trace is a JSON array.");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            steps.Add(reader.TokenType == JsonTokenType.Number ? TraceLines.Reference(reader.GetInt64()) : reader.GetString() ?? "");
        return steps;
    }

    public static string Write(List<string> steps)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var step in steps)
            {
                if (TraceLines.IsReference(step, out var id)) writer.WriteNumberValue(id);
                else writer.WriteStringValue(step);
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
