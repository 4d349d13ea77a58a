using Serilog;
using Tracker.Web;
using Tracker.Web.Reports;

// Before any connection opens: SQLite without a lock per call on a connection (SqliteNative).
Tracker.Web.Data.SqliteNative.ConfigureProcess();

// "admin <command>": the operator's unlock path (see docs/operations.md), run instead of the web host.
if (Tracker.Web.Security.AdminCli.IsCommand(args))
{
    Environment.ExitCode = await Tracker.Web.Security.AdminCli.RunAsync(args, Console.Out, Console.Error);
    return;
}

// Only for a failure before the host's own logger exists (TrackerLogging); never reloaded, never frozen.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    // `dotnet Tracker.Web.dll rebuild-rollups`: rebuild the report rollups from the raw rows and exit (docs/operations.md).
    var rebuildRollups = args.Contains(RollupCommand.Name);
    var builder = WebApplication.CreateBuilder(args.Where(a => a != RollupCommand.Name).ToArray());
    builder.AddTracker();

    var app = builder.Build();
    await app.InitializeTrackerAsync();
    if (rebuildRollups)
    {
        await RollupCommand.RunAsync(app.Services);
        return;
    }
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
