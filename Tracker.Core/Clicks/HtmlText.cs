using System.Globalization;
using System.Text;

namespace Tracker.Core.Clicks;

/// <summary>Escapes text for HTML content and double- or single-quoted attribute values.</summary>
public static class HtmlText
{
    public static void Append(StringBuilder target, ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (Entity(c) is { } entity) target.Append(entity);
            else target.Append(c);
        }
    }

    /// <summary>
    /// Like <see cref="Append"/>, but the result is pure ASCII: anything else, and control characters, become
    /// character references, so a value inserted into a page of any encoding reads the same. With
    /// <paramref name="unquotedAttribute"/> spaces, <c>=</c> and <c>`</c> are references too, so the value
    /// cannot end an unquoted attribute value or start a new attribute.
    /// </summary>
    public static void AppendAscii(StringBuilder target, ReadOnlySpan<char> value, bool unquotedAttribute)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            var v = rune.Value;
            if (v < 0x80 && Entity((char)v) is { } entity)
                target.Append(entity);
            else if (v is < 0x20 and not ('\t' or '\n' or '\r') || v == 0x7F)
                target.Append("&#xFFFD;");
            else if (v >= 0x80 || (unquotedAttribute && v is ' ' or '\t' or '\n' or '\r' or '\f' or '=' or '`'))
                AppendReference(target, v);
            else
                target.Append((char)v);
        }
    }

    private static void AppendReference(StringBuilder target, int codePoint)
    {
        Span<char> hex = stackalloc char[8];
        codePoint.TryFormat(hex, out var written, "X", CultureInfo.InvariantCulture);
        target.Append("&#x").Append(hex[..written]).Append(';');
    }

    private static string? Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => null,
    };
}
