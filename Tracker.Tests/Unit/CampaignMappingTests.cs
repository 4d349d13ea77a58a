using Mapster;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;
using Tracker.Web.Endpoints.Api.Dtos;
using Tracker.Web.Mapping;

namespace Tracker.Tests.Unit;

public sealed class CampaignMappingTests
{
    [Fact]
    public void EveryCampaignDtoMemberIsMappedOrIgnoredOnPurpose()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        CampaignMappings.Register(config);
        config.Compile();
    }

    [Fact]
    public void CampaignRoundTripsThroughTheApiShapeKeepingStreamOrderAndNotTakingTheTrackingUrl()
    {
        var config = new TypeAdapterConfig();
        MappingConfig.Register(config);
        var campaign = new Campaign
        {
            Id = 7, Name = "Summer", Alias = "summer", State = ItemState.Archived, UniquenessHours = 12, Version = 3,
            Streams =
            [
                new CampaignStream { Id = 20, CampaignId = 7, Position = 0, Name = "DE", Type = StreamType.Forced,
                    Filters = [new StreamFilter { Type = "country", Mode = FilterMode.Exclude, Values = ["RU"] }],
                    Offers = [new StreamOffer { OfferId = 4, Share = 30 }] },
                new CampaignStream { Id = 21, CampaignId = 7, Position = 1, Name = "Text", Type = StreamType.Default,
                    Action = StreamAction.ShowText, ActionPayload = "closed" },
            ],
        };

        var dto = campaign.Adapt<CampaignDto>(config) with { TrackingUrl = "https://evil.example/x" };
        Assert.Equal(["DE", "Text"], dto.Streams.Select(s => s.Name));
        Assert.Equal(FilterMode.Exclude, dto.Streams[0].Filters[0].Mode);
        Assert.Equal(30, dto.Streams[0].Offers[0].Share);

        var back = dto.Adapt<Campaign>(config);
        Assert.Equal((7, "Summer", "summer", ItemState.Archived, 12, 3), (back.Id, back.Name, back.Alias, back.State, back.UniquenessHours, back.Version));
        Assert.Equal([20, 21], back.Streams.Select(s => s.Id));
        Assert.Equal(["RU"], back.Streams[0].Filters[0].Values);
        Assert.Equal(("closed", StreamAction.ShowText), (back.Streams[1].ActionPayload, back.Streams[1].Action));
        Assert.All(back.Streams, s => Assert.Equal(0, s.CampaignId));
    }
}
