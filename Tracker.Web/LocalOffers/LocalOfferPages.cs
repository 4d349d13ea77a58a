using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Core.Offers.LocalOffers;

namespace Tracker.Web.LocalOffers;

/// <summary>Reads HTML files of local offers and prepares them for a visitor.</summary>
public sealed class LocalOfferPages(LocalOfferStore store, IOptions<LocalOfferOptions> options) : ILocalOfferEntryPage
{
    /// <summary>Isolates the page from the tracker: scripts and forms run, but in an opaque origin with no access to the admin's cookies or same-origin requests.</summary>
    public const string ContentSecurityPolicy = "sandbox allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox";

    public async Task<LocalOfferPage?> RenderEntryAsync(Offer offer, MacroValues macroValues, CancellationToken ct)
    {
        if (offer.LocalKey is null) return null;
        var site = await store.ResolveAsync(offer.LocalKey, ct);
        if (site is null) return null;
        return await RenderAsync(site, site.Manifest.EntryPage, isEntry: true, macroValues, ct);
    }

    /// <summary>An HTML file of <paramref name="site"/>; null when it is not there.</summary>
    public async Task<LocalOfferPage?> RenderAsync(LocalOfferSite site, string relativePath, bool isEntry, MacroValues macroValues, CancellationToken ct)
    {
        string full;
        try
        {
            full = LocalOfferExtractor.Inside(site.Folder, relativePath);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(full, ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // The version was replaced and retired between resolving and reading: the visitor reloads.
            return null;
        }
        var html = EntryPageHtml.Decode(bytes);
        html = EntryPageHtml.ReplaceMacros(html, macroValues);
        if (isEntry) html = EntryPageHtml.InjectBase(html, BaseHref(site.Key));
        // Pages in UTF-8 say so in the header; others keep relying on their own <meta charset>.
        var contentType = Utf8.IsValid(bytes) ? "text/html; charset=utf-8" : "text/html";
        return new LocalOfferPage(EntryPageHtml.Encode(html), contentType);
    }

    /// <summary>
    /// Where the page's relative links point. With a separate offers host, protocol-relative so the
    /// assets come over the same scheme the visitor used for the tracking link.
    /// </summary>
    public string BaseHref(string key) =>
        string.IsNullOrWhiteSpace(options.Value.Host) ? $"/lo/{key}/" : $"//{options.Value.Host}/lo/{key}/";

    /// <summary>Sends a page: 200, never cached (it may carry the visitor's subid), sandboxed.</summary>
    public static async Task WriteAsync(HttpResponse response, LocalOfferPage page, CancellationToken ct)
    {
        response.StatusCode = StatusCodes.Status200OK;
        ApplyIsolation(response.Headers);
        response.Headers.CacheControl = "no-store";
        response.ContentType = page.ContentType;
        response.ContentLength = page.Body.Length;
        if (!HttpMethods.IsHead(response.HttpContext.Request.Method))
            await response.Body.WriteAsync(page.Body, ct);
    }

    /// <summary>Headers every local-offer response carries, assets and errors included.</summary>
    public static void ApplyIsolation(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }
}
