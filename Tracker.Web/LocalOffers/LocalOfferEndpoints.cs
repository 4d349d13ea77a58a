using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Tracker.Core.Clicks;
using Tracker.Core.Offers.LocalOffers;
using Tracker.Web.Clicks;
using Tracker.Web.Data;

namespace Tracker.Web.LocalOffers;

/// <summary>
/// The local-offer surfaces: files under <c>/lo/{offerKey}/</c>, the archive routes of the admin API, and
/// the admin UI's upload endpoint (cookie + antiforgery, so the browser can upload with progress over plain HTTP).
/// </summary>
public static class LocalOfferEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    public static IServiceCollection AddLocalOffers(this IServiceCollection services)
    {
        services.AddOptions<LocalOfferOptions>()
            .BindConfiguration(LocalOfferOptions.Section)
            .Configure<IConfiguration>((o, config) => o.Host = NullIfBlank(config[LocalOfferOptions.HostKey]))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LocalOfferStore>();
        services.AddSingleton<LocalOfferPages>();
        services.AddSingleton<ILocalOfferEntryPage>(sp => sp.GetRequiredService<LocalOfferPages>());
        services.AddHostedService<LocalOfferJanitor>();
        return services;
    }

    /// <summary>Maps <c>/lo/{offerKey}/{**path}</c> and the admin UI's upload endpoint.</summary>
    public static RouteGroupBuilder MapLocalOffers(this IEndpointRouteBuilder app)
    {
        var host = app.ServiceProvider.GetRequiredService<IOptions<LocalOfferOptions>>().Value.Host;
        var files = app.MapGroup("/lo").ExcludeFromDescription().AsHotPath();
        if (!string.IsNullOrWhiteSpace(host)) files.RequireHost(host);
        files.MapMethods("/{offerKey}/{**path}", [HttpMethods.Get, HttpMethods.Head], ServeAsync);

        app.MapPost("/admin/offers/{id:int}/archive", UploadAsync)
            .RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return files;
    }

    /// <summary>Adds <c>GET/POST/DELETE /offers/{id}/archive</c> to the admin API group.</summary>
    public static RouteGroupBuilder MapOfferArchives(this RouteGroupBuilder api)
    {
        api.MapGet("/offers/{id:int}/archive", GetAsync).WithName("GetOfferArchive")
            .WithSummary("Get the uploaded archive of a local offer");
        api.MapPost("/offers/{id:int}/archive", UploadAsync)
            .WithName("UploadOfferArchive")
            .WithSummary("Upload a zip: the offer becomes a local offer")
            .WithDescription("Multipart form: 'file' = the zip (index.html at its root or in one top folder), optional 'version' = the offer version you read. A refused archive changes nothing (400 naming the field).");
        api.MapDelete("/offers/{id:int}/archive", RemoveAsync).WithName("RemoveOfferArchive")
            .WithSummary("Remove the archive: the offer redirects again");
        return api;
    }

    private static async Task<Results<Ok<OfferArchiveResponse>, NotFound<ProblemDetails>>> GetAsync(
        int id, HttpRequest request, LocalOfferStore store, LocalOfferPages pages, CancellationToken ct)
    {
        var archive = await store.FindAsync(id, ct);
        if (archive is null) return NotFound($"Offer {id} has no uploaded archive.");
        var version = await OfferVersionAsync(request, id, ct);
        return TypedResults.Ok(ToResponse(archive, version ?? 0, request, pages));
    }

    private static async Task<Results<Ok<OfferArchiveResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> UploadAsync(
        int id, HttpRequest request, LocalOfferStore store, LocalOfferPages pages, IOptions<LocalOfferOptions> options, CancellationToken ct)
    {
        // The admin UI's endpoint carries antiforgery metadata; the middleware only records its verdict,
        // and since this handler reads the body itself (no form binding) it must act on it.
        if (request.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [ArchiveUploadReader.FileField] = ["The page's security token is missing or expired. Reload the page and upload again."] },
                title: "The archive was not accepted");
        using var upload = store.CreateUpload();
        var (received, errors) = await ArchiveUploadReader.ReceiveAsync(request, upload.ZipPath, options.Value.MaxArchiveBytes, ct);
        if (received is null)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The archive was not accepted");

        var change = await store.InstallAsync(id, upload, received.FileName, received.Version, ct);
        return change.Status switch
        {
            ArchiveChangeStatus.Done => TypedResults.Ok(ToResponse(change.Archive!, change.Version, request, pages)),
            ArchiveChangeStatus.Refused => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [ArchiveUploadReader.FileField] = [.. change.Problems!] },
                title: "The archive was not accepted", detail: "Nothing was changed; the previous version (if any) is still served."),
            ArchiveChangeStatus.OfferNotFound => NotFound($"There is no offer {id}."),
            ArchiveChangeStatus.VersionConflict => Conflict(change.Version),
            ArchiveChangeStatus.NoArchive => throw new InvalidOperationException("An upload never reports a missing archive."),
        };
    }

    private static async Task<Results<Ok<OfferArchiveRemoved>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> RemoveAsync(
        int id, int? version, LocalOfferStore store, CancellationToken ct)
    {
        var change = await store.RemoveAsync(id, version, ct);
        return change.Status switch
        {
            ArchiveChangeStatus.Done => TypedResults.Ok(new OfferArchiveRemoved(id, change.Version)),
            ArchiveChangeStatus.NoArchive => NotFound($"Offer {id} has no uploaded archive."),
            ArchiveChangeStatus.OfferNotFound => NotFound($"There is no offer {id}."),
            ArchiveChangeStatus.VersionConflict => Conflict(change.Version),
            ArchiveChangeStatus.Refused => throw new InvalidOperationException("A removal is never refused."),
        };
    }

    /// <summary>
    /// One file of a local offer. Everything outside the offer's current folder, every directory and every
    /// odd path is a plain 404; HTML is rendered (macros, no-store), other files are sent with ETag and ranges.
    /// </summary>
    private static async Task<IResult> ServeAsync(
        string offerKey, string? path, HttpContext http, LocalOfferStore store, LocalOfferPages pages,
        IDbContextFactory<TrackerDbContext> contexts, TimeProvider clock)
    {
        LocalOfferPages.ApplyIsolation(http.Response.Headers);
        var site = await store.ResolveAsync(offerKey, http.RequestAborted);
        if (site is null) return TypedResults.NotFound();

        var relative = path ?? "";
        if (relative.Length == 0)
        {
            // Without the slash the page's relative links would resolve against /lo/.
            if (!http.Request.Path.Value!.EndsWith('/')) return TypedResults.Redirect($"/lo/{offerKey}/");
            relative = site.Manifest.EntryPage;
        }
        else if (relative.EndsWith('/'))
        {
            relative += "index.html";
        }
        if (ArchiveEntryName.Problem(relative) is not null) return TypedResults.NotFound();

        string full;
        try
        {
            full = LocalOfferExtractor.Inside(site.Folder, relative);
        }
        catch (InvalidDataException)
        {
            return TypedResults.NotFound();
        }
        var file = new FileInfo(full);
        if (!file.Exists || file.LinkTarget is not null) return TypedResults.NotFound();

        if (IsHtml(relative))
        {
            await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
            var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == site.OfferId, http.RequestAborted);
            if (offer is null) return TypedResults.NotFound();
            var isEntry = relative == site.Manifest.EntryPage;
            var page = await pages.RenderAsync(site, relative, isEntry, MacroValues.ForOffer(offer, clock.GetUtcNow().UtcDateTime), http.RequestAborted);
            if (page is null) return TypedResults.NotFound();
            await LocalOfferPages.WriteAsync(http.Response, page, http.RequestAborted);
            return TypedResults.Empty;
        }

        // The key stays the same across uploads, so caches must revalidate; the ETag names the version.
        http.Response.Headers.CacheControl = "no-cache";
        var etag = new EntityTagHeaderValue($"\"{site.Manifest.Version}-{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"");
        return TypedResults.PhysicalFile(full, ContentTypeOf(relative), lastModified: file.LastWriteTimeUtc, entityTag: etag, enableRangeProcessing: true);
    }

    private static OfferArchiveResponse ToResponse(LocalOfferArchive archive, int offerVersion, HttpRequest request, LocalOfferPages pages)
    {
        var m = archive.Manifest;
        var baseHref = pages.BaseHref(archive.Key);
        var preview = baseHref.StartsWith("//", StringComparison.Ordinal)
            ? $"{request.Scheme}:{baseHref}"
            : $"{request.Scheme}://{request.Host}{baseHref}";
        return new OfferArchiveResponse(archive.OfferId, offerVersion, archive.Key, preview, m.FileName, m.UploadedAt,
            m.EntryPage, m.TotalBytes, m.Files.Count, m.Files);
    }

    private static async Task<int?> OfferVersionAsync(HttpRequest request, int id, CancellationToken ct)
    {
        var contexts = request.HttpContext.RequestServices.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Offers.AsNoTracking().Where(o => o.Id == id).Select(o => (int?)o.Version).SingleOrDefaultAsync(ct);
    }

    private static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = detail, Status = StatusCodes.Status404NotFound });

    private static Conflict<ProblemDetails> Conflict(int currentVersion) =>
        TypedResults.Conflict(new ProblemDetails
        {
            Title = "The offer was changed meanwhile",
            Detail = $"The offer is now at version {currentVersion}. Reload it and try again.",
            Status = StatusCodes.Status409Conflict,
        });

    private static bool IsHtml(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    private static string ContentTypeOf(string path) =>
        ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".avif"] = "image/avif";
        provider.Mappings[".zip"] = "application/zip";
        return provider;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
