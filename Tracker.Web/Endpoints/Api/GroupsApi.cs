using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Catalog;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Endpoints.Api;

/// <summary><c>/api/v1/groups</c>: offer groups — list, read, create, rename, delete while unused.</summary>
public static class GroupsApi
{
    public static RouteGroupBuilder MapGroups(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Offer groups");

        groups.MapGet("/", ListAsync).WithName("ListGroups").WithSummary("List offer groups")
            .WithDescription("All groups sorted by name, each with how many offers it holds.");
        groups.MapGet("/{id:int}", GetAsync).WithName("GetGroup").WithSummary("Get an offer group");
        groups.MapPost("/", CreateAsync).WithName("CreateGroup").WithSummary("Create an offer group")
            .WithDescription("Only the name is read; it must be unique.");
        groups.MapPut("/{id:int}", UpdateAsync).WithName("UpdateGroup").WithSummary("Rename an offer group")
            .WithDescription("Send the name and the version you read. A newer version in the tracker answers 409 and saves nothing.");
        groups.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteGroup").WithSummary("Delete an offer group")
            .WithDescription("Refused with 409 while offers are in the group: move them to another group first.");
        return groups;
    }

    private static async Task<Ok<List<GroupDto>>> ListAsync(GroupStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        var counts = await store.OfferCountsAsync(ct);
        var groups = await store.ListAsync(ct);
        return TypedResults.Ok(groups.Select(g => ToDto(api, g, counts)).ToList());
    }

    private static async Task<Results<Ok<GroupDto>, NotFoundProblem>> GetAsync(
        int id, GroupStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        var group = await store.GetAsync(id, ct);
        if (group is null) return ApiProblems.NotFound("group", id);
        return TypedResults.Ok(ToDto(api, group, await store.OfferCountsAsync(ct)));
    }

    private static async Task<Results<Created<GroupDto>, ValidationProblem>> CreateAsync(
        JsonBody<GroupDto> body, GroupStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        if (body.Value is not { } dto) return SaveResponses.Invalid(body.Errors);
        var result = await store.CreateAsync(dto.Name, ct);
        return SaveResponses.Created(result, api, "groups", x => ToDto(api, x, new Dictionary<int, int>()));
    }

    private static async Task<Results<Ok<GroupDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> UpdateAsync(
        int id, JsonBody<GroupDto> body, GroupStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        if (body.Value is not { } dto) return SaveResponses.Invalid(body.Errors);
        if (SaveResponses.WithoutVersion(dto.Version, "group") is { } noVersion) return noVersion;

        var result = await store.RenameAsync(id, dto.Name, dto.Version, ct);
        return await SaveResponses.UpdatedAsync(result, "group", id, dto.Version, async x => ToDto(api, x, await store.OfferCountsAsync(ct)));
    }

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> DeleteAsync(
        int id, GroupStore store, CancellationToken ct)
    {
        var refused = await store.GetAsync(id, ct) is null ? null : await store.DeleteAsync(id, ct);
        return SaveResponses.Deleted("group", id, refused);
    }

    private static GroupDto ToDto(ApiContext api, OfferGroup group, IReadOnlyDictionary<int, int> offerCounts) =>
        group.Adapt<GroupDto>(api.Mapping) with { OfferCount = offerCounts.TryGetValue(group.Id, out var n) ? n : 0 };
}
