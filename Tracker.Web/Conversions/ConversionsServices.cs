namespace Tracker.Web.Conversions;

public static class ConversionsServices
{
    /// <summary>Postbacks, conversions, their queries and the conversion-cap counter.</summary>
    public static IServiceCollection AddConversions(this IServiceCollection services)
    {
        services.AddSingleton<ConversionCapCounter>();
        services.AddSingleton<IConversionCapGate, ConversionCapGate>();
        services.AddHostedService<ConversionCapStartup>();
        services.AddSingleton<PostbackRecorder>();
        services.AddSingleton<ConversionQueries>();
        return services;
    }
}
