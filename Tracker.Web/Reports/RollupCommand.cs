using System.Diagnostics;
using Tracker.Web.Services;

namespace Tracker.Web.Reports;

/// <summary>
/// <c>dotnet Tracker.Web.dll rebuild-rollups</c>: deletes the report rollups and builds them again from
/// the clicks and conversions in the database (after restoring a backup or importing rows). Run it with
/// the tracker stopped: clicks recorded during a rebuild could be counted twice.
/// </summary>
public static class RollupCommand
{
    public const string Name = "rebuild-rollups";

    public static async Task RunAsync(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RollupCommand));
        var zone = services.GetRequiredService<SettingsStore>().Current.TimeZone;
        var watch = Stopwatch.StartNew();
        logger.LogInformation("Rebuilding the report rollups from the raw clicks and conversions (day rollups in {Zone})", zone);
        await services.GetRequiredService<RollupBuilder>().RebuildAllAsync(zone, CancellationToken.None);
        logger.LogInformation("Report rollups rebuilt in {Seconds:0.0} s", watch.Elapsed.TotalSeconds);
    }
}
