using System.Text;

namespace Tracker.Core.Clicks;

/// <summary>The two places macros are expanded: URLs and HTML pages.</summary>
public static class MacroEncoders
{
    /// <summary>For URLs: percent-encoded (RFC 3986 unreserved characters kept); raw values as-is; unknown macros empty.</summary>
    public static readonly IMacroEncoder Url = new UrlMacroEncoder();

    /// <summary>
    /// For one HTML page (a local offer): a value inside a URL attribute (<c>href</c>, <c>src</c>,
    /// <c>action</c>…) is percent-encoded as in <see cref="Url"/>, then HTML-escaped; anywhere else it is
    /// HTML-escaped only. A raw <c>{_name}</c> skips the URL step, never the HTML one, because a
    /// visitor-supplied parameter must never become markup on a page served from the tracker. Unknown
    /// <c>{words}</c> stay: braces are CSS and script syntax. The encoder follows the page's markup, so
    /// use a new one per page.
    /// </summary>
    public static IMacroEncoder HtmlPage() => new HtmlPageMacroEncoder();

    private sealed class UrlMacroEncoder : IMacroEncoder
    {
        public bool KeepsUnknownMacros => false;

        public void AppendLiteral(StringBuilder target, ReadOnlySpan<char> text) => target.Append(text);

        public void Append(StringBuilder target, ReadOnlySpan<char> value, bool raw)
        {
            if (raw) target.Append(value);
            else PercentEncoding.Append(target, value);
        }
    }
}
