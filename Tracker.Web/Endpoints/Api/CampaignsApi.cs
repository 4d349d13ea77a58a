using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Catalog;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Endpoints.Api;

/// <summary><c>/api/v1/campaigns</c>: campaigns with their ordered streams.</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaigns(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns");

        campaigns.MapGet("/", ListAsync).WithName("ListCampaigns").WithSummary("List campaigns")
            .WithDescription("Every campaign with its streams, by name. 'state' narrows to active or archived ones.");
        campaigns.MapGet("/{id:int}", GetAsync).WithName("GetCampaign").WithSummary("Get a campaign");
        campaigns.MapPost("/", CreateAsync).WithName("CreateCampaign").WithSummary("Create a campaign")
            .WithDescription("Validated like the admin editor; 400 names each invalid field, e.g. streams[1].filters[0].values. The next click uses it.");
        campaigns.MapPut("/{id:int}", UpdateAsync).WithName("UpdateCampaign").WithSummary("Replace a campaign and its streams")
            .WithDescription("Send the whole campaign with the version you read. Streams with an id are updated, streams without one added, streams left out removed. A newer version answers 409 and saves nothing.");
        campaigns.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteCampaign").WithSummary("Delete a campaign")
            .WithDescription("Refused with 409 once clicks were recorded for it: archive it instead (PUT with state 'archived').");
        return campaigns;
    }

    private static async Task<Results<Ok<List<CampaignDto>>, ValidationProblem>> ListAsync(
        [FromQuery(Name = "state")] string? state, CampaignStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        ItemState? filter;
        switch (state?.Trim().ToLowerInvariant())
        {
            case null or "" or "all": filter = null; break;
            case "active": filter = ItemState.Active; break;
            case "archived": filter = ItemState.Archived; break;
            default:
                return TypedResults.ValidationProblem(ValidationErrors.Single("state", "Use one of: active, archived, all.").ToDictionary());
        }
        var campaigns = await store.ListAsync(filter, ct);
        return TypedResults.Ok(campaigns.Select(c => ToDto(c, api)).ToList());
    }

    private static async Task<Results<Ok<CampaignDto>, NotFoundProblem>> GetAsync(
        int id, CampaignStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        var campaign = await store.GetAsync(id, ct);
        return campaign is null ? ApiProblems.NotFound("campaign", id) : TypedResults.Ok(ToDto(campaign, api));
    }

    private static async Task<Results<Created<CampaignDto>, ValidationProblem>> CreateAsync(
        JsonBody<CampaignDto> body, CampaignStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        if (body.Value is not { } dto) return SaveResponses.Invalid(body.Errors);
        var result = await store.CreateAsync(dto.Adapt<Campaign>(api.Mapping), ct);
        return SaveResponses.Created(result, api, "campaigns", c => ToDto(c, api));
    }

    private static async Task<Results<Ok<CampaignDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> UpdateAsync(
        int id, JsonBody<CampaignDto> body, CampaignStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        if (body.Value is not { } dto) return SaveResponses.Invalid(body.Errors);
        if (SaveResponses.WithoutVersion(dto.Version, "campaign") is { } noVersion) return noVersion;
        var edited = dto.Adapt<Campaign>(api.Mapping);
        edited.Id = id;
        var result = await store.UpdateAsync(edited, ct);
        return await SaveResponses.UpdatedAsync(result, "campaign", id, dto.Version, c => Task.FromResult(ToDto(c, api)));
    }

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> DeleteAsync(
        int id, CampaignStore store, CancellationToken ct)
    {
        var result = await store.DeleteAsync(id, ct);
        return SaveResponses.Deleted("campaign", id, result.Outcome == SaveOutcome.NotFound ? null : result.Errors);
    }

    private static CampaignDto ToDto(Campaign campaign, ApiContext api) =>
        campaign.Adapt<CampaignDto>(api.Mapping) with { TrackingUrl = TrackingLinks.ForAlias(api.BaseUrl, campaign.Alias) };
}
