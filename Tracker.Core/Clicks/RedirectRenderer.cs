using System.Text;
using Tracker.Core.Offers;

namespace Tracker.Core.Clicks;

/// <summary>
/// Renders each redirect type. The destination must be a checked URL from <see cref="OfferUrlBuilder"/>;
/// it is still escaped for its context here (HTML attribute, JavaScript string), never trusted.
/// </summary>
public static class RedirectRenderer
{
    private const string Head = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex, nofollow\">";

    /// <param name="destination">The offer URL.</param>
    /// <param name="gatewayHopUrl">For <see cref="RedirectType.DoubleMeta"/>: the tracker's own hop URL that forwards to the destination.</param>
    public static RedirectResponse Render(RedirectType type, string destination, string? gatewayHopUrl = null) => type switch
    {
        RedirectType.Http => new RedirectResponse { StatusCode = 302, Location = destination },
        RedirectType.Meta => Page(MetaRefresh(destination)),
        RedirectType.DoubleMeta => Page(MetaRefresh(gatewayHopUrl
            ?? throw new ArgumentException("A double meta redirect needs the gateway hop URL.", nameof(gatewayHopUrl)))),
        RedirectType.Js => Page(JavaScript(destination)),
        RedirectType.BlankReferrer => Page(BlankReferrer(destination)) with { HideReferrer = true },
        RedirectType.FormSubmit => Page(FormSubmit(destination)),
        RedirectType.Iframe => Page(Iframe(destination)),
    };

    /// <summary>The second page of a double meta redirect, served from the tracker's gateway hop.</summary>
    public static RedirectResponse GatewayHop(string destination) => Page(MetaRefresh(destination));

    private static RedirectResponse Page(string html) => new() { StatusCode = 200, Html = html };

    private static string MetaRefresh(string url)
    {
        var sb = new StringBuilder(Head.Length + url.Length * 2 + 160).Append(Head);
        sb.Append("<meta http-equiv=\"refresh\" content=\"0; url=");
        HtmlText.Append(sb, url);
        sb.Append("\"><title></title></head><body>");
        ContinueLink(sb, url, "");
        return sb.Append("</body></html>").ToString();
    }

    private static string BlankReferrer(string url)
    {
        var sb = new StringBuilder(Head.Length + url.Length * 2 + 220).Append(Head);
        sb.Append("<meta name=\"referrer\" content=\"no-referrer\"><meta http-equiv=\"refresh\" content=\"0; url=");
        HtmlText.Append(sb, url);
        sb.Append("\"><title></title></head><body>");
        ContinueLink(sb, url, " rel=\"noreferrer\"");
        return sb.Append("</body></html>").ToString();
    }

    private static string JavaScript(string url)
    {
        var sb = new StringBuilder(Head.Length + url.Length * 3 + 260).Append(Head);
        sb.Append("<title></title><script>window.location.replace(\"");
        JavaScriptString(sb, url);
        sb.Append("\");</script><noscript><meta http-equiv=\"refresh\" content=\"0; url=");
        HtmlText.Append(sb, url);
        sb.Append("\"></noscript></head><body>");
        ContinueLink(sb, url, "");
        return sb.Append("</body></html>").ToString();
    }

    /// <summary>
    /// A GET form to the URL without its query, each query parameter as a hidden input, submitted by
    /// script (a button without script). Browsers replace an action's query with the form's fields,
    /// which is why the parameters travel as inputs.
    /// </summary>
    private static string FormSubmit(string url)
    {
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? "" : url[hash..];
        var withoutFragment = hash < 0 ? url : url[..hash];
        var question = withoutFragment.IndexOf('?');
        var action = (question < 0 ? withoutFragment : withoutFragment[..question]) + fragment;
        var query = question < 0 ? "" : withoutFragment[(question + 1)..];

        var sb = new StringBuilder(Head.Length + url.Length * 3 + 300).Append(Head);
        sb.Append("<title></title></head><body><form id=\"go\" method=\"get\" action=\"");
        HtmlText.Append(sb, action);
        sb.Append("\">");
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            sb.Append("<input type=\"hidden\" name=\"");
            HtmlText.Append(sb, name);
            sb.Append("\" value=\"");
            HtmlText.Append(sb, value);
            sb.Append("\">");
        }
        sb.Append("<noscript><button type=\"submit\">Continue</button></noscript></form>");
        sb.Append("<script>document.getElementById(\"go\").submit();</script></body></html>");
        return sb.ToString();
    }

    private static string Iframe(string url)
    {
        var sb = new StringBuilder(Head.Length + url.Length * 2 + 320).Append(Head);
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title></title>");
        sb.Append("<style>html,body{margin:0;padding:0;height:100%;overflow:hidden}iframe{display:block;border:0;width:100%;height:100%}</style>");
        sb.Append("</head><body><iframe src=\"");
        HtmlText.Append(sb, url);
        sb.Append("\" allow=\"fullscreen\"></iframe></body></html>");
        return sb.ToString();
    }

    private static void ContinueLink(StringBuilder sb, string url, string attributes)
    {
        sb.Append("<p><a href=\"");
        HtmlText.Append(sb, url);
        sb.Append('"').Append(attributes).Append(">Continue</a></p>");
    }

    // Query parts are form-encoded ('+' is a space) and re-encoded the same way on submit.
    private static string Decode(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));

    /// <summary>Everything but letters, digits and harmless URL punctuation as <c>\uXXXX</c>, so the string cannot end the script.</summary>
    private static void JavaScriptString(StringBuilder sb, string value)
    {
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or ':' or '/' or '?' or '#' or '=' or '%' or ',' or ';' or '@' or '!' or '$' or '(' or ')' or '*' or '[' or ']')
                sb.Append(c);
            else
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
