using Tracker.Web.Backups;
using Tracker.Web.LocalOffers;
using Tracker.Web.Security;

namespace Tracker.Web.Endpoints.Api;

/// <summary>The admin API under <c>/api/v1</c>: the <c>Api-Key</c> header on the group, one class per resource.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter<ApiKeyFilter>()
            .DisableAntiforgery()
            .WithTags("Admin API")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapAffiliateNetworks();
        api.MapGroups();
        api.MapOffers();
        api.MapOfferArchives();
        api.MapSettings();
        api.MapAdminAccess();
        api.MapClickApi();
        api.MapCampaigns();
        api.MapConversionsApi();
        api.MapReportsApi();
        api.MapBackupsApi();
        return api;
    }
}
