using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Web.Endpoints.Api;

namespace Tracker.Web.Backups;

/// <summary>
/// <c>/api/v1/backups</c> (list, back up now, download with the API key) and <c>/admin/backups/{name}</c>
/// (download for the signed-in admin, linked from Settings).
/// </summary>
public static class BackupEndpoints
{
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BackupService>();
        services.AddHostedService<BackupScheduler>();
        return services;
    }

    public static RouteGroupBuilder MapBackupsApi(this RouteGroupBuilder api)
    {
        var backups = api.MapGroup("/backups").WithTags("Backups");
        backups.MapGet("/", List).WithName("ListBackups").WithSummary("List backups")
            .WithDescription("Every backup in <data>/backups, newest first, with its size and integrity_check result.");
        backups.MapPost("/", CreateAsync).WithName("CreateBackup").WithSummary("Back up the database now")
            .WithDescription("An online copy through SQLite's backup API while the tracker keeps running, checked with PRAGMA integrity_check; the oldest backups beyond Tracker:Backups:Keep are deleted.");
        backups.MapGet("/{name}", Download).WithName("DownloadBackup").WithSummary("Download a backup file")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.sqlite3");
        return backups;
    }

    /// <summary>The admin's download link: cookie login required, like every admin page.</summary>
    public static IEndpointConventionBuilder MapBackupDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/admin/backups/{name}", Download).RequireAuthorization().ExcludeFromDescription();

    private static Ok<List<BackupDto>> List(BackupService backups, HttpRequest request) =>
        TypedResults.Ok(backups.List().Select(b => ToDto(b, request)).ToList());

    private static async Task<Created<BackupDto>> CreateAsync(BackupService backups, HttpRequest request, CancellationToken ct)
    {
        var made = await backups.CreateAsync(BackupService.Manual, ct);
        return TypedResults.Created($"{request.PathBase}/api/v1/backups/{made.Name}", ToDto(made, request));
    }

    private static Results<PhysicalFileHttpResult, NotFound> Download(string name, BackupService backups, HttpResponse response)
    {
        if (backups.PathOf(name) is not { } path) return TypedResults.NotFound();
        response.Headers.CacheControl = "no-store";
        return TypedResults.PhysicalFile(path, "application/vnd.sqlite3", fileDownloadName: name);
    }

    private static BackupDto ToDto(BackupInfo b, HttpRequest request) =>
        new(b.Name, b.CreatedAt, b.SizeBytes, b.Reason, b.Integrity, $"{request.PathBase}/api/v1/backups/{b.Name}");
}
