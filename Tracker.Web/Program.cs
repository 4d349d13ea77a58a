using Serilog;
using Tracker.Web;

// Only for a failure before the host's own logger exists (TrackerLogging); never reloaded, never frozen.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddTracker();

    var app = builder.Build();
    await app.InitializeTrackerAsync();
    app.MapTracker();

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Tracker stopped because of an error at start-up or while running");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so integration tests can start the real host.</summary>
public partial class Program;
