using Serilog;
using Serilog.Events;
using Serilog.Extensions.Hosting;
using Serilog.Extensions.Logging;

namespace Tracker.Web.Logging;

/// <summary>
/// One Serilog logger per host, built from configuration (console by default) plus a daily rolling
/// file in <c>&lt;data&gt;/logs</c>, with input-borne control characters escaped in every sink.
/// </summary>
/// <remarks>
/// The logger is a plain, already-built logger handed to the host: no reloadable bootstrap logger
/// is involved, so a log call takes no lock and no process-wide barrier, and a call below the
/// configured level returns after one comparison. Request logging gets this same logger explicitly
/// (<see cref="Logger"/>), so admin and API request lines reach the configured sinks, the file included.
/// </remarks>
public sealed class TrackerLogging(Serilog.ILogger logger)
{
    public Serilog.ILogger Logger { get; } = logger;

    public static void Add(WebApplicationBuilder builder, string dataDirectory)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With<ControlCharacterEscaper>()
            .WriteTo.File(Path.Combine(dataDirectory, "logs", "tracker-.log"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        builder.Services.AddSingleton(new TrackerLogging(logger));
        // Serilog as a provider of the standard logger factory (not a replacement for it), so the
        // filter below applies; Serilog's own configured levels decide everything else.
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        // ASP.NET's per-request "Request starting/finished" lines: with this category enabled at any
        // level, every request (every click) opens a log scope and starts an Activity for it. Request
        // logging covers the admin; the hot paths log what matters themselves.
        builder.Logging.AddFilter<SerilogLoggerProvider>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        var diagnostics = new DiagnosticContext(logger);
        builder.Services.AddSingleton(diagnostics);
        builder.Services.AddSingleton<IDiagnosticContext>(diagnostics);
    }

    /// <summary>
    /// Admin pages and the API at Information; static files and other requests at Debug (they would
    /// flood the log); server errors at Error. The hot paths have no request logging at all.
    /// </summary>
    public static LogEventLevel RequestLevel(HttpContext http, Exception? error) =>
        error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
        : http.Request.Path.StartsWithSegments("/admin") || http.Request.Path.StartsWithSegments("/api") ? LogEventLevel.Information
        : LogEventLevel.Debug;
}
