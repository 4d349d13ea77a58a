using System.Text;
using Tracker.Core.Clicks;
using Tracker.Core.Networks;

namespace Tracker.Core.Offers;

/// <summary>
/// Builds where a visitor is sent: the offer's URL plus its affiliate network's offer parameters
/// (query style <c>&amp;sub1={subid}</c> or path style <c>/{subid}</c>), then macros expanded.
/// </summary>
/// <remarks>
/// Parameters are joined to the URL while both are still templates, so a macro value can never
/// move the boundary between path, query and fragment. Values are percent-encoded, so a crafted
/// parameter (<c>&amp;</c>, <c>#</c>, CR/LF, <c>javascript:</c>) cannot add a parameter, a header or
/// change the scheme; whatever raw <c>{_name}</c> values bring is made header-safe afterwards, and a
/// result that is not an absolute http(s) URL is refused.
/// </remarks>
public static class OfferUrlBuilder
{
    /// <summary>The full template for an offer: computed once per offer, not per click.</summary>
    public static string Template(Offer offer, AffiliateNetwork? network) =>
        AppendNetworkParameters(offer.Url, network?.OfferParameters);

    /// <summary>Expands a template from <see cref="Template"/> and checks the result.</summary>
    public static OfferUrl Expand(string template, MacroValues values)
    {
        var sb = Macros.RentBuilder();
        Macros.ExpandInto(sb, template.AsSpan().Trim(), values, MacroEncoders.Url);
        var needsCleaning = false;
        foreach (var chunk in sb.GetChunks())
            if (!IsUrlSafe(chunk.Span)) { needsCleaning = true; break; }
        var url = needsCleaning ? MakeUrlSafe(sb.ToString()) : sb.ToString();
        Macros.ReturnBuilder(sb);
        return Check(url);
    }

    /// <summary>
    /// Joins a network's offer parameters to an offer URL. Query style (<c>&amp;a=b</c>, <c>?a=b</c>
    /// or <c>a=b</c>) joins the query with the right separator; path style (<c>/x</c>) extends the
    /// path. Both go before a <c>#fragment</c>.
    /// </summary>
    public static string AppendNetworkParameters(string offerUrl, string? offerParameters)
    {
        var url = offerUrl.Trim();
        var parameters = (offerParameters ?? "").Trim();
        if (parameters.Length == 0) return url;

        var hash = url.IndexOf('#');
        var beforeFragment = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? "" : url[hash..];

        string pathPart, queryPart;
        if (parameters[0] == '/')
        {
            var q = parameters.IndexOf('?');
            pathPart = q < 0 ? parameters : parameters[..q];
            queryPart = q < 0 ? "" : parameters[(q + 1)..];
        }
        else
        {
            pathPart = "";
            queryPart = parameters;
        }
        queryPart = queryPart.TrimStart('?', '&');

        var question = beforeFragment.IndexOf('?');
        var path = question < 0 ? beforeFragment : beforeFragment[..question];
        var query = question < 0 ? null : beforeFragment[(question + 1)..];

        var sb = new StringBuilder(url.Length + parameters.Length + 2);
        sb.Append(path);
        if (pathPart.Length > 0)
        {
            if (EndsWithSlash(path)) sb.Append(pathPart.AsSpan(1));
            else sb.Append(pathPart);
        }
        if (query is not null || queryPart.Length > 0)
        {
            sb.Append('?');
            if (query is not null) sb.Append(query);
            if (queryPart.Length > 0)
            {
                if (query is { Length: > 0 } && query[^1] != '&') sb.Append('&');
                sb.Append(queryPart);
            }
        }
        sb.Append(fragment);
        return sb.ToString();
    }

    // "https://host" has no path slash of its own; "https://host/" and "https://host/a/" do.
    private static bool EndsWithSlash(string path)
    {
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        var afterAuthority = scheme < 0 ? 0 : scheme + 3;
        return path.Length > afterAuthority && path[^1] == '/' && path.IndexOf('/', afterAuthority) >= 0;
    }

    private static OfferUrl Check(string url)
    {
        if (url.Length == 0)
            return OfferUrl.Invalid(url, "The offer has no URL.");
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return OfferUrl.Invalid(url, "The destination is not an absolute http(s) URL.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            return OfferUrl.Invalid(url, "The destination is not a valid http(s) URL.");
        return new OfferUrl(url, null);
    }

    // Characters that may appear literally in a URL sent as a Location header or in HTML:
    // printable ASCII except space, quotes, angle brackets, backslash, caret, backtick, braces and pipe.
    private static bool IsUrlChar(char c) =>
        c is > ' ' and < (char)0x7F and not ('"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}');

    private static bool IsUrlSafe(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (!IsUrlChar(s[i])) return false;
            if (s[i] == '%' && !IsPercentTriplet(s, i)) return false;
        }
        return true;
    }

    private static bool IsPercentTriplet(ReadOnlySpan<char> s, int i) =>
        i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]);

    /// <summary>
    /// Percent-encodes whatever cannot appear literally in a URL (control characters such as CR/LF,
    /// spaces, non-ASCII, a lone <c>%</c>), so raw macro values and hand-typed URLs can neither split
    /// a header nor break out of an HTML attribute.
    /// </summary>
    public static string MakeUrlSafe(string url)
    {
        var sb = new StringBuilder(url.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        var span = url.AsSpan();
        var i = 0;
        foreach (var rune in span.EnumerateRunes())
        {
            var width = rune.Utf16SequenceLength;
            if (rune.IsAscii && IsUrlChar((char)rune.Value) && (rune.Value != '%' || IsPercentTriplet(span, i)))
            {
                sb.Append((char)rune.Value);
            }
            else
            {
                var n = rune.EncodeToUtf8(utf8);
                for (var b = 0; b < n; b++) PercentEncoding.AppendByte(sb, utf8[b]);
            }
            i += width;
        }
        return sb.ToString();
    }
}
