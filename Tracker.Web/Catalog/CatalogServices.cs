using Microsoft.EntityFrameworkCore;
using Tracker.Core.Campaigns;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Data;
using Tracker.Web.Live;

namespace Tracker.Web.Catalog;

public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton(sp => Commit<Offer>(sp, ChangeNotice.Offer));
        services.AddSingleton(sp => Commit<AffiliateNetwork>(sp, ChangeNotice.Network));
        services.AddSingleton(sp => Commit<OfferGroup>(sp, ChangeNotice.Group));
        services.AddSingleton(sp => Commit<Campaign>(sp, ChangeNotice.Campaign, CampaignStore.SortStreams, CampaignStore.AliasRaceLost));
        services.AddSingleton<OfferStore>();
        services.AddSingleton<NetworkStore>();
        services.AddSingleton<GroupStore>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<Clicks.ClickQueries>();
        return services;
    }

    private static VersionedCommit<T> Commit<T>(IServiceProvider services, string kind, Func<T, T>? present = null,
        Func<DbUpdateException, T, ValidationErrors?>? refusal = null) where T : class, IVersioned =>
        new(services.GetRequiredService<IDbContextFactory<TrackerDbContext>>(), services.GetRequiredService<ChangeFeed>(),
            services.GetRequiredService<TimeProvider>(), kind, present, refusal);
}
