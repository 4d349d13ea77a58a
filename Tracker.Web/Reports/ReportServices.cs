using Microsoft.Extensions.Options;
using Tracker.Core.Reports;
using Tracker.Web.Options;

namespace Tracker.Web.Reports;

public static class ReportServices
{
    /// <summary>The report engine over the rollups, and the keeper of the day rollups' zone.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<LowPriorityWork>();
        services.AddSingleton<PendingRollups>();
        services.AddSingleton<IReportSource, ReportEngine>();
        services.AddSingleton(sp => new RollupBuilder(
            sp.GetRequiredService<IOptions<TrackerOptions>>().Value.DatabasePath,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<RollupBuilder>()));
        services.AddHostedService<DayRollupKeeper>();
        return services;
    }
}
