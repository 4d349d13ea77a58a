using Mapster;
using Tracker.Core.Campaigns;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Mapping;

/// <summary>Campaigns and streams ↔ admin API DTOs; every destination member mapped or ignored on purpose.</summary>
public static class CampaignMappings
{
    public static void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Campaign, CampaignDto>()
            // Needs the request's public base URL: the endpoint fills it in.
            .Ignore(d => d.TrackingUrl);

        config.NewConfig<CampaignDto, Campaign>()
            .Ignore(d => d.CreatedAt)
            .Ignore(d => d.UpdatedAt);

        config.NewConfig<CampaignStream, StreamDto>();

        config.NewConfig<StreamDto, CampaignStream>()
            // The list order is the position; the owner is the campaign being saved.
            .Ignore(d => d.CampaignId)
            .Ignore(d => d.Position);

        config.NewConfig<StreamFilter, StreamFilterDto>();
        config.NewConfig<StreamFilterDto, StreamFilter>();
        config.NewConfig<StreamOffer, StreamOfferDto>();
        config.NewConfig<StreamOfferDto, StreamOffer>();
    }
}
