using Mapster;

namespace Tracker.Web.Mapping;

/// <summary>
/// The one Mapster configuration: entities ↔ API DTOs and editor models, with explicit rules where
/// names differ (money micro-units ↔ decimal).
/// </summary>
public static class MappingConfig
{
    public static void Register(TypeAdapterConfig config)
    {
        config.Default.PreserveReference(false);
        ApiMappings.Register(config);
        CampaignMappings.Register(config);
        Components.Pages.Offers.OfferEditModel.ConfigureMapping(config);
        ClickMapping.Register(config);
        Endpoints.Api.ConversionsApi.RegisterMappings(config);
    }
}
