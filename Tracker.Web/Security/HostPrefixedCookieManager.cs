using Microsoft.AspNetCore.Authentication.Cookies;

namespace Tracker.Web.Security;

/// <summary>
/// Names the admin cookie <c>__Host-tracker_admin</c> (Secure, Path=/, no Domain) when the request came over
/// HTTPS, so neither a sibling subdomain nor a plain-HTTP page can plant or overwrite it, and
/// <c>tracker_admin</c> over plain HTTP, where browsers refuse <c>__Host-</c> cookies (<c>dotnet run</c> on
/// localhost, the tests). Behind a TLS-terminating proxy the request counts as HTTPS once the forwarded
/// headers from that proxy are trusted (docs/configuration.md, <c>Tracker:ForwardedHeaders</c>).
/// </summary>
public sealed class HostPrefixedCookieManager : ICookieManager
{
    public const string Prefix = "__Host-";

    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) =>
        _inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        if (context.Request.IsHttps) options = ForHostPrefix(options);
        _inner.AppendResponseCookie(context, NameFor(context, key), value, options);
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options)
    {
        if (context.Request.IsHttps) options = ForHostPrefix(options);
        _inner.DeleteCookie(context, NameFor(context, key), options);
    }

    public static string NameFor(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    // What the prefix requires of the cookie, or the browser drops it.
    private static CookieOptions ForHostPrefix(CookieOptions options) => new(options)
    {
        Secure = true,
        Path = "/",
        Domain = null,
    };
}
