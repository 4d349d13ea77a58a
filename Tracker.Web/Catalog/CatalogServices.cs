namespace Tracker.Web.Catalog;

public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<OfferStore>();
        services.AddSingleton<NetworkStore>();
        services.AddSingleton<GroupStore>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<Clicks.ClickQueries>();
        return services;
    }
}
