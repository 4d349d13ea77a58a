using System.Net;

namespace Tracker.Web.Security;

/// <summary>
/// Browser protections for the admin surfaces (<c>/admin</c>, <c>/api</c>, <c>/_blazor</c>): never framed by
/// another page (<c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>, against clickjacking), no
/// content sniffing, no referrer to other sites (admin URLs carry subids), and on HTTPS
/// <c>Strict-Transport-Security</c> so the browser never again tries the admin over plain HTTP.
/// HSTS is left out on plain HTTP (browsers ignore it there) and on loopback hosts, where an HSTS entry
/// for <c>localhost</c> would break every other local HTTP app of the developer.
/// The public hot paths (clicks, postbacks, <c>/lo/</c> files) are not admin surfaces and pass through
/// untouched, at the cost of one path check; placed in the admin branch of the pipeline they cost nothing.
/// </summary>
public sealed class AdminSecurityHeaders(RequestDelegate next)
{
    /// <summary>One year, the value the HSTS preload list asks for; no includeSubDomains (other hosts are not ours to decide).</summary>
    public const string HstsValue = "max-age=31536000";

    public const string FrameAncestors = "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        if (!AdminOriginGuard.IsAdminSurface(http.Request.Path)) return next(http);
        // At start: the exception handler and status-code pages clear or rewrite the response, and
        // antiforgery sets its own X-Frame-Options (SAMEORIGIN) while a form renders.
        http.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = WithFrameAncestorsNone(headers.ContentSecurityPolicy.ToString());
            if (context.Request.IsHttps && !IsLoopback(context.Request.Host))
                headers.StrictTransportSecurity = HstsValue;
            return Task.CompletedTask;
        }, http);
        return next(http);
    }

    /// <summary>
    /// Keeps the other directives of a policy the response already has and replaces its frame-ancestors:
    /// Blazor's interactive server pages send <c>frame-ancestors 'self'</c>, which would still let a page
    /// on this host (a local offer served without its own host) frame the admin.
    /// </summary>
    public static string WithFrameAncestorsNone(string policy)
    {
        var directives = policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(d => !d.StartsWith("frame-ancestors", StringComparison.OrdinalIgnoreCase))
            .Append(FrameAncestors);
        return string.Join("; ", directives);
    }

    public static bool IsLoopback(HostString host) =>
        string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
