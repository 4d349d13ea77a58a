using System.Text;
using Tracker.Core.Clicks;

namespace Tracker.Core.Offers.LocalOffers;

/// <summary>
/// Turns an uploaded page into what a visitor receives: a <c>&lt;base href&gt;</c> so its relative links
/// load from <c>/lo/{key}/</c>, and macros expanded for the visitor.
/// </summary>
/// <remarks>
/// Pages arrive in whatever encoding their author saved (UTF-8, windows-1251, …). They are handled as
/// Latin-1 text, which maps every byte to one char and back unchanged, and every inserted value is
/// pure ASCII (the HTML encoder writes anything else as a character reference), so the author's bytes
/// survive exactly whatever their encoding.
/// </remarks>
public static class EntryPageHtml
{
    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    public static byte[] Encode(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>HTML-escapes <paramref name="value"/> into ASCII only, safe inside text and quoted attributes.</summary>
    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 16);
        HtmlText.AppendAscii(sb, value, unquotedAttribute: false);
        return sb.ToString();
    }

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
    /// Expands the page's macros for one visitor with <see cref="MacroEncoders.HtmlPage"/>: URL-encoded and
    /// HTML-escaped inside URL attributes, HTML-escaped elsewhere; unknown <c>{words}</c> (CSS, scripts) stay.
    /// </summary>
    public static string ReplaceMacros(string html, MacroValues values) => Macros.Expand(html, values, MacroEncoders.HtmlPage());

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
