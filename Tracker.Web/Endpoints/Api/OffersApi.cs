using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Tracker.Core.Amounts;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Catalog;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Endpoints.Api;

/// <summary><c>/api/v1/offers</c>: list with filters and paging, read, create, replace, delete.</summary>
public static class OffersApi
{
    public static RouteGroupBuilder MapOffers(this RouteGroupBuilder api)
    {
        var offers = api.MapGroup("/offers").WithTags("Offers");

        offers.MapGet("/", ListAsync).WithName("ListOffers")
            .WithSummary("List offers")
            .WithDescription("Filtered, sorted and paged. The answer holds the page's offers and the total that matched the filters.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                OfferListParameters.Describe(operation);
                return Task.CompletedTask;
            });
        offers.MapGet("/{id:int}", GetAsync).WithName("GetOffer").WithSummary("Get an offer");
        offers.MapPost("/", CreateAsync).WithName("CreateOffer").WithSummary("Create an offer")
            .WithDescription("Validated like the admin editor; 400 names each invalid field. Read-only fields are ignored.");
        offers.MapPut("/{id:int}", UpdateAsync).WithName("UpdateOffer").WithSummary("Replace an offer")
            .WithDescription("Send the whole offer with the version you read. A newer version in the tracker answers 409 and saves nothing.");
        offers.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteOffer").WithSummary("Delete an offer")
            .WithDescription("Refused with 409 while a stream, another offer's conversion cap, a click or a conversion refers to it: archive it instead (PUT with state 'archived').");
        return offers;
    }

    private static async Task<Results<Ok<OfferPageDto>, ValidationProblem>> ListAsync(
        [AsParameters] OfferListParameters parameters, OfferStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        var (query, errors) = parameters.ToQuery();
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary());
        var page = await store.ListAsync(query, ct);
        var items = page.Items.Select(o => ToDto(o, api)).ToList();
        return TypedResults.Ok(new OfferPageDto(items, page.Total, query.Skip, query.Take));
    }

    private static async Task<Results<Ok<OfferDto>, NotFoundProblem>> GetAsync(
        int id, OfferStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        var offer = await store.GetAsync(id, ct);
        if (offer is null) return ApiProblems.NotFound("offer", id);
        return TypedResults.Ok(ToDto(offer, api));
    }

    private static async Task<Results<Created<OfferDto>, ValidationProblem>> CreateAsync(
        JsonBody<OfferDto> body, OfferStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        if (body.Value is not { } dto) return SaveResponses.Invalid(body.Errors);
        var edgeErrors = CheckEdge(dto, requireVersion: false, api);
        if (!edgeErrors.IsValid) return SaveResponses.Invalid(edgeErrors);
        var result = await store.CreateAsync(dto.Adapt<Offer>(api.Mapping), ct);
        return SaveResponses.Created(result, api, "offers", o => ToDto(o, api));
    }

    private static async Task<Results<Ok<OfferDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> UpdateAsync(
        int id, JsonBody<OfferDto> body, OfferStore store, [AsParameters] ApiContext api, CancellationToken ct)
    {
        if (body.Value is not { } dto) return SaveResponses.Invalid(body.Errors);
        var edgeErrors = CheckEdge(dto, requireVersion: true, api);
        if (!edgeErrors.IsValid) return SaveResponses.Invalid(edgeErrors);
        var edited = dto.Adapt<Offer>(api.Mapping);
        edited.Id = id;
        var result = await store.UpdateAsync(edited, ct);
        return await SaveResponses.UpdatedAsync(result, "offer", id, dto.Version, o => Task.FromResult(ToDto(o, api)));
    }

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> DeleteAsync(
        int id, OfferStore store, CancellationToken ct)
    {
        var refused = await store.GetAsync(id, ct) is null ? null : await store.DeleteAsync(id, ct);
        return SaveResponses.Deleted("offer", id, refused);
    }

    private static OfferDto ToDto(Offer offer, ApiContext api) =>
        offer.Adapt<OfferDto>(api.Mapping) with
        {
            LocalUrl = offer.IsLocal && !string.IsNullOrEmpty(offer.LocalKey) ? api.LocalOfferUrl(offer.LocalKey) : null,
        };

    /// <summary>
    /// What only the API can get wrong: an amount JSON can carry but micro-units cannot, and a missing
    /// version. Such an offer cannot be mapped, so when one is wrong the rest is checked here too
    /// (without the database), and the caller learns about every field at once.
    /// </summary>
    private static ValidationErrors CheckEdge(OfferDto dto, bool requireVersion, ApiContext api)
    {
        var errors = new ValidationErrors();
        if (AmountRules.CheckExact(dto.PayoutValue) is { } amountError) errors.Add("payoutValue", amountError);
        if (requireVersion) ApiVersion.Require(dto.Version, "offer", errors);
        if (errors.IsValid) return errors;

        var rest = (dto with { PayoutValue = 0 }).Adapt<Offer>(api.Mapping);
        OfferValidator.Normalize(rest);
        foreach (var (field, messages) in OfferValidator.Validate(rest, OfferReferences.All).ToDictionary())
            foreach (var message in messages) errors.Add(field, message);
        return errors;
    }
}
