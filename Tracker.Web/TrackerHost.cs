using Mapster;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Serilog;
using Serilog.Events;
using Tracker.Web.Backups;
using Tracker.Web.Catalog;
using Tracker.Web.Clicks;
using Tracker.Web.Components;
using Tracker.Web.Conversions;
using Tracker.Web.Data;
using Tracker.Web.Endpoints;
using Tracker.Web.Endpoints.Api;
using Tracker.Web.Live;
using Tracker.Web.LocalOffers;
using Tracker.Web.Mapping;
using Tracker.Web.Options;
using Tracker.Web.Security;
using Tracker.Web.Services;

namespace Tracker.Web;

/// <summary>Composition of the one host: services in <see cref="AddTracker"/>, HTTP surface in <see cref="MapTracker"/>.</summary>
public static class TrackerHost
{
    public static WebApplicationBuilder AddTracker(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Serves MudBlazor's and our own static files when run from the build output (dotnet run)
        // in any environment; a published app has them in wwwroot and this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        services.AddOptions<TrackerOptions>().BindConfiguration(TrackerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(TrackerOptions.Section).Get<TrackerOptions>() ?? new TrackerOptions();
        var dataDir = options.FullDataDirectory;
        Directory.CreateDirectory(dataDir);

        // preserveStaticLogger: each host builds its own logger rather than freezing the process-wide bootstrap
        // logger, which throws "already frozen" when tests start several hosts in one process at once.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (sp, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.File(Path.Combine(dataDir, "logs", "tracker-.log"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

        services.AddSingleton(TimeProvider.System);
        services.AddDataProtection()
            .SetApplicationName("Tracker")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys")));

        services.AddPooledDbContextFactory<TrackerDbContext>(o => o
            .UseSqlite($"Data Source={options.DatabasePath}")
            .AddInterceptors(new SqlitePragmas()));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<ChangeFeed>();
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
        services.AddHttpContextAccessor();

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
        services.AddBackups();
        return services;
    }

    /// <summary>Migrates the database (with a backup when migrations are pending) and loads settings.</summary>
    public static async Task InitializeTrackerAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await app.Services.GetRequiredService<SettingsStore>().LoadAsync();
    }

    public static WebApplication MapTracker(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSerilogRequestLogging(o =>
        {
            // The hot paths (clicks, postbacks, local offer assets) and static files would flood the
            // log at one line per request; they log at Verbose, which the default level drops.
            o.GetLevel = (http, _, ex) =>
                ex is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : IsAdminRequest(http.Request.Path) ? LogEventLevel.Information
                : LogEventLevel.Verbose;
        });
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePages();
        // Admin/API only (it checks the path, as AdminOriginGuard does); first, so the guard's 403/404 carry the headers too.
        app.UseMiddleware<AdminSecurityHeaders>();
        app.UseMiddleware<AdminOriginGuard>();

        app.UseAuthentication();
        app.UseMiddleware<AdminGate>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).ExcludeFromDescription();
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

    private static bool IsAdminRequest(PathString path) =>
        path.StartsWithSegments("/admin") || path.StartsWithSegments("/api");
}
