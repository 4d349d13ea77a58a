using Tracker.Web.Clicks;
using Tracker.Web.Postbacks;

namespace Tracker.Web.Conversions;

public static class ConversionsServices
{
    /// <summary>Postbacks, conversions, their queries and the conversion-cap counter.</summary>
    public static IServiceCollection AddConversions(this IServiceCollection services)
    {
        services.AddSingleton<ConversionCapCounter>();
        services.AddSingleton<ConversionCapGate>();
        // The click path's one cap gate: capped offers send clicks to their alternative.
        services.AddSingleton<IOfferCapGate>(sp => sp.GetRequiredService<ConversionCapGate>());
        services.AddHostedService<ConversionCapStartup>();
        services.AddSingleton<PostbackWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<PostbackWriter>());
        services.AddSingleton<PostbackRecorder>();
        services.AddSingleton<ConversionQueries>();
        services.AddSingleton<PendingRateConversions>();
        return services;
    }
}
