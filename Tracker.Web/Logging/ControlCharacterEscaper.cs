using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace Tracker.Web.Logging;

/// <summary>
/// Makes log lines unforgeable from input: every string property that carries a control character
/// (CR, LF, ESC, …) is rewritten with visible escapes (<c>\r</c>, <c>\n</c>, <c>\u001b</c>) before
/// any sink sees it, so a request path or a postback parameter can neither start a fake line in the
/// console or the file nor send terminal escape sequences to whoever reads the journal.
/// </summary>
/// <remarks>Enrichers run only for events that pass the level check, so this costs nothing when a level is off.</remarks>
public sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? replaced = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var escaped = Escape(value);
            if (!ReferenceEquals(escaped, value)) (replaced ??= []).Add(new LogEventProperty(name, escaped));
        }
        if (replaced is null) return;
        foreach (var property in replaced) logEvent.AddOrUpdateProperty(property);
    }

    /// <summary>The same value, or a copy with its strings escaped when any held a control character.</summary>
    public static LogEventPropertyValue Escape(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string s } when NeedsEscaping(s):
                return new ScalarValue(EscapeString(s));
            case SequenceValue sequence:
            {
                var items = sequence.Elements.Select(Escape).ToList();
                return items.Where((item, i) => !ReferenceEquals(item, sequence.Elements[i])).Any() ? new SequenceValue(items) : value;
            }
            case StructureValue structure:
            {
                var props = structure.Properties.Select(p => new LogEventProperty(p.Name, Escape(p.Value))).ToList();
                return props.Where((p, i) => !ReferenceEquals(p.Value, structure.Properties[i].Value)).Any()
                    ? new StructureValue(props, structure.TypeTag) : value;
            }
            case DictionaryValue dictionary:
            {
                var changed = false;
                var pairs = new List<KeyValuePair<ScalarValue, LogEventPropertyValue>>();
                foreach (var (key, item) in dictionary.Elements)
                {
                    var k = key.Value is string ks && NeedsEscaping(ks) ? new ScalarValue(EscapeString(ks)) : key;
                    var v = Escape(item);
                    changed |= !ReferenceEquals(k, key) || !ReferenceEquals(v, item);
                    pairs.Add(new(k, v));
                }
                return changed ? new DictionaryValue(pairs) : value;
            }
            default:
                return value;
        }
    }

    private static bool NeedsEscaping(string s)
    {
        foreach (var c in s)
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
                return true;
        return false;
    }

    private static string EscapeString(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\r': sb.Append("\\r"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085') sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
