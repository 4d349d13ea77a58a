using System.Text;

namespace Tracker.Core.Clicks;

/// <summary>
/// How a macro value is written into its surrounding text. <c>{name}</c> asks for the encoded
/// value, <c>{_name}</c> for the raw one; what "raw" may safely mean depends on the context.
/// </summary>
public interface IMacroEncoder
{
    void Append(StringBuilder target, ReadOnlySpan<char> value, bool raw);
}

public static class MacroEncoders
{
    /// <summary>For URLs: percent-encoded (RFC 3986 unreserved characters kept); raw values as-is.</summary>
    public static readonly IMacroEncoder Url = new UrlMacroEncoder();

    /// <summary>
    /// For HTML pages (local offers): percent-encoded as in URLs; raw values HTML-escaped, because a
    /// visitor-supplied parameter must never become markup on a page served from the tracker.
    /// </summary>
    public static readonly IMacroEncoder Html = new HtmlMacroEncoder();

    private sealed class UrlMacroEncoder : IMacroEncoder
    {
        public void Append(StringBuilder target, ReadOnlySpan<char> value, bool raw)
        {
            if (raw) target.Append(value);
            else PercentEncoding.Append(target, value);
        }
    }

    private sealed class HtmlMacroEncoder : IMacroEncoder
    {
        public void Append(StringBuilder target, ReadOnlySpan<char> value, bool raw)
        {
            if (raw) HtmlText.Append(target, value);
            else PercentEncoding.Append(target, value);
        }
    }
}

/// <summary>RFC 3986 percent-encoding of UTF-8; only unreserved characters (<c>A–Z a–z 0–9 - . _ ~</c>) stay literal.</summary>
public static class PercentEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static bool IsUnreserved(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';

    public static void Append(StringBuilder target, ReadOnlySpan<char> value)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && IsUnreserved((char)rune.Value))
            {
                target.Append((char)rune.Value);
                continue;
            }
            var n = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < n; i++)
                AppendByte(target, utf8[i]);
        }
    }

    public static void AppendByte(StringBuilder target, byte b) =>
        target.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 15]);
}

/// <summary>Escapes text for HTML content and double- or single-quoted attribute values.</summary>
public static class HtmlText
{
    public static void Append(StringBuilder target, ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': target.Append("&amp;"); break;
                case '<': target.Append("&lt;"); break;
                case '>': target.Append("&gt;"); break;
                case '"': target.Append("&quot;"); break;
                case '\'': target.Append("&#39;"); break;
                default: target.Append(c); break;
            }
        }
    }
}
