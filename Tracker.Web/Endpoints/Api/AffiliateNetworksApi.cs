using System.ComponentModel;
using Mapster;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Catalog;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Endpoints.Api;

/// <summary><c>/api/v1/affiliate-networks</c>: list, read, create, replace, delete.</summary>
public static class AffiliateNetworksApi
{
    public static RouteGroupBuilder MapAffiliateNetworks(this RouteGroupBuilder api)
    {
        var networks = api.MapGroup("/affiliate-networks").WithTags("Affiliate networks");

        networks.MapGet("/", ListAsync).WithName("ListAffiliateNetworks").WithSummary("List affiliate networks")
            .WithDescription("All networks sorted by name, each with the postback URL to paste into it.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                AdminApiDocument.DescribeParameters(operation, name => name == "state" ? AdminApiDocument.Words(["active", "archived", "all"], "all") : null);
                return Task.CompletedTask;
            });
        networks.MapGet("/{id:int}", GetAsync).WithName("GetAffiliateNetwork").WithSummary("Get an affiliate network");
        networks.MapPost("/", CreateAsync).WithName("CreateAffiliateNetwork").WithSummary("Create an affiliate network")
            .WithDescription("Read-only fields (postbackUrl, offerCount, dates) are ignored.");
        networks.MapPut("/{id:int}", UpdateAsync).WithName("UpdateAffiliateNetwork").WithSummary("Replace an affiliate network")
            .WithDescription("Send the whole network with the version you read. A newer version in the tracker answers 409 and saves nothing.");
        networks.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteAffiliateNetwork").WithSummary("Delete an affiliate network")
            .WithDescription("Refused with 409 while offers or recorded clicks use it: archive it instead (PUT with state 'archived').");
        return networks;
    }

    private static async Task<Results<Ok<List<AffiliateNetworkDto>>, ValidationProblem>> ListAsync(
        [Description("active, archived or all (default).")] string? state,
        NetworkStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        ItemState? filter = null;
        switch (state?.Trim().ToLowerInvariant())
        {
            case null or "" or "all": break;
            case "active": filter = ItemState.Active; break;
            case "archived": filter = ItemState.Archived; break;
            default:
                return TypedResults.ValidationProblem(ValidationErrors.Single("state", $"'{state}' is not allowed. Use one of: active, archived, all.").ToDictionary());
        }
        var counts = await store.OfferCountsAsync(ct);
        var networks = await store.ListAsync(filter, ct);
        return TypedResults.Ok(networks.Select(n => ToDto(api, n, counts)).ToList());
    }

    private static async Task<Results<Ok<AffiliateNetworkDto>, NotFoundProblem>> GetAsync(
        int id, NetworkStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        var network = await store.GetAsync(id, ct);
        if (network is null) return ApiProblems.NotFound("affiliate network", id);
        return TypedResults.Ok(ToDto(api, network, await store.OfferCountsAsync(ct)));
    }

    private static async Task<Results<Created<AffiliateNetworkDto>, ValidationProblem>> CreateAsync(
        JsonBody<AffiliateNetworkDto> body, NetworkStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        if (body.Value is not { } dto) return SaveResponses.Invalid(body.Errors);
        var result = await store.CreateAsync(dto.Adapt<AffiliateNetwork>(api.Mapping), ct);
        return SaveResponses.Created(result, api, "affiliate-networks", x => ToDto(api, x, new Dictionary<int, int>()));
    }

    private static async Task<Results<Ok<AffiliateNetworkDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> UpdateAsync(
        int id, JsonBody<AffiliateNetworkDto> body, NetworkStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        if (body.Value is not { } dto) return SaveResponses.Invalid(body.Errors);
        if (SaveResponses.WithoutVersion(dto.Version, "network") is { } noVersion) return noVersion;

        var edited = dto.Adapt<AffiliateNetwork>(api.Mapping);
        edited.Id = id;
        var result = await store.UpdateAsync(edited, ct);
        return await SaveResponses.UpdatedAsync(result, "affiliate network", id, dto.Version, async x => ToDto(api, x, await store.OfferCountsAsync(ct)));
    }

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> DeleteAsync(
        int id, NetworkStore store, CancellationToken ct)
    {
        var refused = await store.GetAsync(id, ct) is null ? null : await store.DeleteAsync(id, ct);
        return SaveResponses.Deleted("affiliate network", id, refused);
    }

    private static AffiliateNetworkDto ToDto(ApiContext api, AffiliateNetwork network, IReadOnlyDictionary<int, int> offerCounts) =>
        network.Adapt<AffiliateNetworkDto>(api.Mapping) with
        {
            PostbackUrl = NetworkPostbackUrl.Compose(api.PostbackUrl, network.PostbackParameters),
            OfferCount = offerCounts.TryGetValue(network.Id, out var n) ? n : 0,
        };
}
