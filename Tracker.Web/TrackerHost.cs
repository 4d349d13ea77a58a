using Mapster;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Serilog;
using Tracker.Web.Backups;
using Tracker.Web.Catalog;
using Tracker.Web.Clicks;
using Tracker.Web.Components;
using Tracker.Web.Conversions;
using Tracker.Web.Data;
using Tracker.Web.Endpoints.Api;
using Tracker.Web.Live;
using Tracker.Web.LocalOffers;
using Tracker.Web.Logging;
using Tracker.Web.Mapping;
using Tracker.Web.Options;
using Tracker.Web.Postbacks;
using Tracker.Web.Reports;
using Tracker.Web.Security;
using Tracker.Web.Services;

namespace Tracker.Web;

/// <summary>Composition of the one host: services in <see cref="AddTracker"/>, HTTP surface in <see cref="MapTracker"/>.</summary>
public static class TrackerHost
{
    public static WebApplicationBuilder AddTracker(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Serves MudBlazor's and our own static files from the build output (dotnet run), where the
        // runtime manifest exists; a published app has them in wwwroot and skips the development file
        // provider, whose checks would otherwise touch the file system on requests that are not files.
        if (builder.Environment.IsDevelopment() || File.Exists(Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json")))
            builder.WebHost.UseStaticWebAssets();
        services.AddOptions<TrackerOptions>().BindConfiguration(TrackerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(TrackerOptions.Section).Get<TrackerOptions>() ?? new TrackerOptions();
        var dataDir = options.FullDataDirectory;
        Directory.CreateDirectory(dataDir);

        TrackerLogging.Add(builder, dataDir);

        services.AddSingleton(TimeProvider.System);
        services.AddDataProtection()
            .SetApplicationName("Tracker")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys")));

        services.AddPooledDbContextFactory<TrackerDbContext>(o => o
            .UseSqlite($"Data Source={options.DatabasePath}")
            .AddInterceptors(new SqlitePragmas()));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<PublicUrls>();

        var mapping = new TypeAdapterConfig();
        MappingConfig.Register(mapping);
        services.AddSingleton(mapping);

        services.AddAdminAuthentication();
        services.AddAntiforgery();
        services.AddProblemDetails();
        services.AddOpenApi(AdminApiDocument.Configure);
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddForwardedHeadersFromConfiguration(builder.Configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Bottom right: top-right toasts would cover the page header's action buttons.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);

        services.AddTrackerFeatures();
        return builder;
    }

    /// <summary>Features register their own services here, one line each.</summary>
    private static IServiceCollection AddTrackerFeatures(this IServiceCollection services)
    {
        services.AddCatalog();
        services.AddLocalOffers();
        services.AddClicks();
        services.AddConversions();
        services.AddReports();
        services.AddSingleton<ReportPresets.ReportPresetStore>();
        services.AddBackups();
        return services;
    }

    /// <summary>Migrates the database (with a backup when migrations are pending) and loads settings.</summary>
    public static async Task InitializeTrackerAsync(this WebApplication app)
    {
        app.Logger.LogInformation("SQLite runs in {Mode} mode", SqliteNative.MultiThread ? "multi-thread" : "serialized");
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await app.Services.GetRequiredService<SettingsStore>().LoadAsync();
        var rollups = app.Services.GetRequiredService<RollupBuilder>();
        if (!await rollups.BuildIfNeverBuiltAsync(app.Services.GetRequiredService<SettingsStore>().Current.TimeZone, CancellationToken.None))
            await rollups.CatchUpAsync(CancellationToken.None);
    }

    public static WebApplication MapTracker(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Routing first, so the pipeline knows the endpoint: the public hot paths (clicks, postbacks,
        // local offer files) skip everything below, which only the admin surfaces need.
        app.UseRouting();
        // WebApplication adds authentication, authorization and antiforgery for every request unless it
        // sees them set on the app itself; they are set in the admin branch below, so say so here.
        var properties = ((IApplicationBuilder)app).Properties;
        properties["__AuthenticationMiddlewareSet"] = true;
        properties["__AuthorizationMiddlewareSet"] = true;
        properties["__AntiforgeryMiddlewareSet"] = true;
        app.UseWhen(http => !HotPath.IsHot(http), admin =>
        {
            var logging = app.Services.GetRequiredService<TrackerLogging>();
            admin.UseSerilogRequestLogging(o =>
            {
                o.Logger = logging.Logger;
                o.GetLevel = (http, _, ex) => TrackerLogging.RequestLevel(http, ex);
            });
            if (!app.Environment.IsDevelopment())
                admin.UseExceptionHandler("/error", createScopeForErrors: true);
            admin.UseStatusCodePages();
            // Admin/API only (it checks the path, as AdminOriginGuard does); first, so the 403s and 404s below carry the headers too.
            admin.UseMiddleware<AdminSecurityHeaders>();
            admin.UseMiddleware<AdminIpAllowList>();
            admin.UseMiddleware<AdminOriginGuard>();
            admin.UseAuthentication();
            admin.UseMiddleware<AdminGate>();
            admin.UseAuthorization();
            admin.UseAntiforgery();
        });

        // 503 while the disk refuses writes, so uptime monitoring alerts the operator (visitors are still sent on).
        app.MapGet("/health", (StorageHealth storage) => storage.Current is { IsHealthy: false } s
            ? Results.Json(new { status = "degraded", storage = s.Problem, since = s.Since, clicksWaiting = s.ClicksWaiting, clicksDropped = s.ClicksDropped },
                statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Ok(new { status = "ok" })).ExcludeFromDescription();
        // Every method: the exception handler re-executes the failed request here with its own method,
        // and a GET-only route would turn a failed POST into a 405 ("don't retry") for the caller.
        app.Map("/error", () => TypedResults.Problem("Something went wrong on the server. The details are in the log.")).ExcludeFromDescription();
        app.MapOpenApi("/api/{documentName}/openapi.json");
        app.MapAccount();
        app.MapAdminApi();
        app.MapBackupDownloads();
        app.MapLocalOffers();
        app.MapPostbacks();
        app.MapClicks();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
