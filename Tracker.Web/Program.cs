using Serilog;
using Tracker.Web;

// "admin <command>": the operator's unlock path (see docs/operations.md), run instead of the web host.
if (Tracker.Web.Security.AdminCli.IsCommand(args))
{
    Environment.ExitCode = await Tracker.Web.Security.AdminCli.RunAsync(args, Console.Out, Console.Error);
    return;
}

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

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
