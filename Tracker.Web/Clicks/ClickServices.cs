using Microsoft.Extensions.DependencyInjection.Extensions;
using Tracker.Core.Clicks;
using Tracker.Web.Geo;
using Tracker.Web.Options;

namespace Tracker.Web.Clicks;

public static class ClickServices
{
    /// <summary>The click path: routing snapshot, geo, uniqueness, the group-commit writer and the seams other features fill.</summary>
    public static IServiceCollection AddClicks(this IServiceCollection services)
    {
        services.AddOptions<ClickTrackingOptions>()
            .BindConfiguration(ClickTrackingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<CountryLookup>();
        services.AddSingleton<BotDetector>();
        services.AddSingleton<VisitorResolver>();
        services.AddSingleton<UniquenessTracker>();
        services.AddSingleton<RoutingTable>();
        services.AddSingleton<GatewayHop>();
        services.AddSingleton<ClickRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<ClickRecorder>());
        services.AddHostedService<ClickPathWarmUp>();
        services.AddHostedService<UniquenessRestore>();
        // Seams: conversion caps and randomness can be replaced (by the postbacks feature, by tests).
        services.TryAddSingleton<IRandomSource>(SharedRandomSource.Instance);
        return services;
    }

    /// <summary>
    /// Builds the first routing snapshot before the first click arrives. Taking the country lookup
    /// opens its database now, so a wrong <c>Tracker:GeoDatabasePath</c> stops the start-up.
    /// </summary>
    private sealed class ClickPathWarmUp(CountryLookup countries, RoutingTable routing, ILogger<ClickPathWarmUp> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var snapshot = await routing.RebuildAsync(cancellationToken);
            logger.LogInformation("Click path ready: {Campaigns} active campaigns, country database {Database}",
                snapshot.Campaigns.Count, countries.DatabasePath ?? "(none)");
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
