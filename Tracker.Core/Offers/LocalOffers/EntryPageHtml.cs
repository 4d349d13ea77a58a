using System.Text;
using System.Text.Encodings.Web;

namespace Tracker.Core.Offers.LocalOffers;

/// <summary>
/// Turns an uploaded page into what a visitor receives: a <c>&lt;base href&gt;</c> so its relative links
/// load from <c>/lo/{key}/</c>, and macros replaced with HTML-escaped values.
/// </summary>
/// <remarks>
/// Pages arrive in whatever encoding their author saved (UTF-8, windows-1251, …). They are handled as
/// Latin-1 text, which maps every byte to one char and back unchanged, and every inserted value is
/// pure ASCII (the HTML encoder writes anything else as a character reference), so the author's bytes
/// survive exactly whatever their encoding.
/// </remarks>
public static class EntryPageHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    public static byte[] Encode(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>HTML-escapes <paramref name="value"/> into ASCII only, safe inside text and quoted attributes.</summary>
    public static string Escape(string value) => Encoder.Encode(value);

    /// <summary>
    /// Inserts <c>&lt;base href&gt;</c> first thing in <c>&lt;head&gt;</c>: the first base element wins,
    /// so one the author left in the page cannot send relative links elsewhere.
    /// </summary>
    public static string InjectBase(string html, string baseHref)
    {
        var tag = $"<base href=\"{Escape(baseHref)}\">";
        var at = EndOfOpeningTag(html, "head") ?? EndOfOpeningTag(html, "html");
        return at is { } i ? html.Insert(i, tag) : tag + html;
    }

    /// <summary>
    /// Replaces every <c>{name}</c> for which <paramref name="valueOf"/> knows the name (returns non-null)
    /// with the escaped value; unknown names — CSS and script braces among them — stay as written.
    /// </summary>
    public static string ReplaceMacros(string html, Func<string, string?> valueOf)
    {
        StringBuilder? result = null;
        var copied = 0;
        for (var open = html.IndexOf('{'); open >= 0; open = html.IndexOf('{', open + 1))
        {
            var close = html.IndexOf('}', open + 1);
            if (close < 0) break;
            var name = html.AsSpan(open + 1, close - open - 1);
            if (name.Length is 0 or > 40 || !IsMacroName(name)) continue;
            // {_name} means "raw" in URLs; in HTML a raw value could break out of the markup, so it is escaped too.
            var value = valueOf(name[0] == '_' ? name[1..].ToString() : name.ToString());
            if (value is null) continue;
            result ??= new StringBuilder(html.Length + 64);
            result.Append(html, copied, open - copied).Append(Escape(value));
            copied = close + 1;
            open = close;
        }
        return result is null ? html : result.Append(html, copied, html.Length - copied).ToString();
    }

    private static bool IsMacroName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')) return false;
        return true;
    }

    /// <summary>Index just after <c>&lt;name ...&gt;</c> (case-insensitive), or null when absent.</summary>
    private static int? EndOfOpeningTag(string html, string name)
    {
        var from = 0;
        while (true)
        {
            var i = html.IndexOf("<" + name, from, StringComparison.OrdinalIgnoreCase);
            if (i < 0) return null;
            var after = i + 1 + name.Length;
            if (after < html.Length && (html[after] == '>' || char.IsWhiteSpace(html[after]) || html[after] == '/'))
            {
                var end = html.IndexOf('>', after);
                return end < 0 ? null : end + 1;
            }
            from = after;
        }
    }
}
