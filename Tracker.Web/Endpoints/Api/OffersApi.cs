using System.ComponentModel;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

/// <summary>
/// Query parameters of <c>GET /offers</c>. Taken as text and checked here, so a wrong value answers a
/// 400 that names the parameter instead of the framework's bare 400.
/// </summary>
public sealed record OfferListParameters(
    [property: Description("Matches the offer's name or URL (case-insensitive); a number also matches the id."), FromQuery(Name = "search")] string? Search = null,
    [property: Description("Only offers in this group."), FromQuery(Name = "groupId")] string? GroupId = null,
    [property: Description("Only offers of this affiliate network."), FromQuery(Name = "affiliateNetworkId")] string? AffiliateNetworkId = null,
    [property: Description("active (default), archived or all."), FromQuery(Name = "state")] string? State = null,
    [property: Description("name (default), id, updated or payout."), FromQuery(Name = "sort")] string? Sort = null,
    [property: Description("asc (default) or desc."), FromQuery(Name = "order")] string? Order = null,
    [property: Description("How many matching offers to skip (default 0)."), FromQuery(Name = "skip")] string? Skip = null,
    [property: Description("Page size, 1–500 (default 50)."), FromQuery(Name = "take")] string? Take = null)
{
    public const int DefaultTake = 50;
    public const int MaxTake = 500;

    private static readonly string[] States = ["active", "archived", "all"];
    private static readonly string[] Sorts = ["name", "id", "updated", "payout"];
    private static readonly string[] Orders = ["asc", "desc"];

    public (OfferQuery Query, ValidationErrors Errors) ToQuery()
    {
        var e = new ValidationErrors();
        var groupId = OptionalId(GroupId, "groupId", e);
        var networkId = OptionalId(AffiliateNetworkId, "affiliateNetworkId", e);
        var state = Word(State, "state", States, "active", e) switch
        {
            "archived" => ItemState.Archived,
            "all" => (ItemState?)null,
            _ => ItemState.Active,
        };
        var sort = Word(Sort, "sort", Sorts, "name", e) switch
        {
            "id" => OfferSort.Id,
            "updated" => OfferSort.Updated,
            "payout" => OfferSort.Payout,
            _ => OfferSort.Name,
        };
        var descending = Word(Order, "order", Orders, "asc", e) == "desc";
        var skip = Number(Skip, "skip", 0, 0, int.MaxValue, e);
        var take = Number(Take, "take", DefaultTake, 1, MaxTake, e);
        var search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        if (search is { Length: > 200 }) e.Add("search", "Search text must be at most 200 characters.");
        return (new OfferQuery(search, groupId, networkId, state, sort, descending, skip, take), e);
    }

    /// <summary>Gives the text parameters their real types and allowed words in the OpenAPI document.</summary>
    internal static void Describe(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is not OpenApiParameter p) continue;
            p.Schema = p.Name switch
            {
                "groupId" or "affiliateNetworkId" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
                "skip" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Default = 0 },
                "take" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = MaxTake.ToString(), Default = DefaultTake },
                "state" => AdminApiDocument.Words(States, "active"),
                "sort" => AdminApiDocument.Words(Sorts, "name"),
                "order" => AdminApiDocument.Words(Orders, "asc"),
                _ => p.Schema,
            };
        }
    }

    private static int? OptionalId(string? text, string field, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        e.Add(field, $"'{Shorten(text)}' is not an id: use a positive whole number.");
        return null;
    }

    private static int Number(string? text, string field, int fallback, int min, int max, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        e.Add(field, max == int.MaxValue ? $"Use a whole number of at least {min}." : $"Use a whole number from {min} to {max}.");
        return fallback;
    }

    private static string Word(string? text, string field, string[] allowed, string fallback, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var word = text.Trim().ToLowerInvariant();
        if (allowed.Contains(word)) return word;
        e.Add(field, $"'{Shorten(text)}' is not allowed. Use one of: {string.Join(", ", allowed)}.");
        return fallback;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
