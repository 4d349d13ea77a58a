using System.Text.Json;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;
using Tracker.Web.Catalog;

namespace Tracker.Web.Endpoints.Api;

/// <summary>Campaigns with their ordered streams: <c>/api/v1/campaigns</c>.</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaigns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns").WithTags("Campaigns");
        group.MapGet("/", List);
        group.MapGet("/{id:int}", Get).WithName("GetCampaign");
        group.MapPost("/", Create).Accepts<CampaignDto>("application/json");
        group.MapPut("/{id:int}", Update).Accepts<CampaignDto>("application/json");
        group.MapDelete("/{id:int}", Delete);
        return group;
    }

    private static async Task<Ok<List<CampaignDto>>> List(
        ItemState? state, CampaignStore store, TrackingLinks links, TypeAdapterConfig mapping, HttpRequest request, CancellationToken ct)
    {
        var campaigns = await store.ListAsync(state, ct);
        var baseUrl = links.BaseUrl(request);
        return TypedResults.Ok(campaigns.Select(c => ToDto(c, baseUrl, mapping)).ToList());
    }

    private static async Task<Results<Ok<CampaignDto>, NotFound>> Get(
        int id, CampaignStore store, TrackingLinks links, TypeAdapterConfig mapping, HttpRequest request, CancellationToken ct)
    {
        var campaign = await store.GetAsync(id, ct);
        return campaign is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(campaign, links.BaseUrl(request), mapping));
    }

    private static async Task<Results<Created<CampaignDto>, ValidationProblem>> Create(
        HttpRequest request, CampaignStore store, TrackingLinks links, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var (body, problem) = await ReadBodyAsync(request, ct);
        if (body is null) return problem!;
        var result = await store.CreateAsync(body.Adapt<Campaign>(mapping), ct);
        if (result.Outcome != SaveOutcome.Saved) return TypedResults.ValidationProblem(result.Errors.ToDictionary());
        var created = ToDto(result.Value!, links.BaseUrl(request), mapping);
        return TypedResults.Created($"{request.PathBase}/api/v1/campaigns/{created.Id}", created);
    }

    private static async Task<Results<Ok<CampaignDto>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Update(
        int id, HttpRequest request, CampaignStore store, TrackingLinks links, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var (body, problem) = await ReadBodyAsync(request, ct);
        if (body is null) return problem!;
        var edited = body.Adapt<Campaign>(mapping);
        edited.Id = id;
        var result = await store.UpdateAsync(edited, ct);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(ToDto(result.Value!, links.BaseUrl(request), mapping)),
            SaveOutcome.NotFound => TypedResults.NotFound(),
            SaveOutcome.Conflict => TypedResults.Conflict(StaleVersion(body.Version, result.Value!.Version)),
            SaveOutcome.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary()),
            _ => throw new InvalidOperationException($"Unexpected save outcome {result.Outcome}."),
        };
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(int id, CampaignStore store, CancellationToken ct)
    {
        var result = await store.DeleteAsync(id, ct);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.NoContent(),
            SaveOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.ValidationProblem(result.Errors.ToDictionary()),
        };
    }

    private static CampaignDto ToDto(Campaign campaign, string baseUrl, TypeAdapterConfig mapping) =>
        campaign.Adapt<CampaignDto>(mapping) with { TrackingUrl = TrackingLinks.ForAlias(baseUrl, campaign.Alias) };

    private static ProblemDetails StaleVersion(int sent, int current) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The campaign was changed by someone else",
        Detail = $"You sent version {sent} but the campaign is at version {current}. GET it, reapply your change and PUT it with version {current}.",
        Extensions = { ["currentVersion"] = current },
    };

    /// <summary>
    /// A body that is not JSON never gets here: <c>Accepts</c> makes the endpoint answer 415.
    /// Reads the body ourselves so that malformed JSON (an unknown stream type, a number as text)
    /// gets a 400 naming the field, like every other validation error, instead of a bare 400.
    /// </summary>
    private static async Task<(CampaignDto? Dto, ValidationProblem? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            var dto = await request.ReadFromJsonAsync<CampaignDto>(ct);
            return dto is null ? (null, Problem("body", "Send a campaign object, not null.")) : (dto, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            var name = field[(field.LastIndexOf('.') + 1)..];
            var message = field.Contains(".filters[", StringComparison.Ordinal) && name == "type"
                ? $"Use a filter type as text: {string.Join(", ", StreamFilterTypes.Known)}."
                : AllowedWords.TryGetValue(name, out var words)
                ? $"Use one of: {words}."
                : field == "body" ? "The body is not a JSON campaign object." : "This value has the wrong type: use a number, a text or a list as shown in the API documentation.";
            return (null, Problem(field, message));
        }
    }

    /// <summary>The enum-valued fields and their words, for reading errors.</summary>
    private static readonly Dictionary<string, string> AllowedWords = new(StringComparer.Ordinal)
    {
        ["state"] = "active, archived",
        ["type"] = "forced, regular, default",
        ["mode"] = "include, exclude",
        ["action"] = "offers, show_text, status404, do_nothing",
    };

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A campaign as the API reads and writes it (API.md "Campaign fields").</summary>
public sealed record CampaignDto
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Alias { get; init; } = "";
    public ItemState State { get; init; } = ItemState.Active;
    public int UniquenessHours { get; init; } = 24;
    /// <summary>In routing order: forced streams are tried in this order.</summary>
    public List<StreamDto> Streams { get; init; } = [];
    public int Version { get; init; }
    /// <summary>Read-only: the link to put into ads.</summary>
    public string TrackingUrl { get; init; } = "";
}

public sealed record StreamDto
{
    /// <summary>0 or absent for a new stream.</summary>
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public StreamType Type { get; init; } = StreamType.Regular;
    public int Weight { get; init; } = 100;
    public ItemState State { get; init; } = ItemState.Active;
    public List<StreamFilterDto> Filters { get; init; } = [];
    public StreamAction Action { get; init; } = StreamAction.Offers;
    public string ActionPayload { get; init; } = "";
    public List<StreamOfferDto> Offers { get; init; } = [];
}

public sealed record StreamFilterDto
{
    public string Type { get; init; } = StreamFilterTypes.Country;
    public FilterMode Mode { get; init; } = FilterMode.Include;
    public List<string> Values { get; init; } = [];
}

public sealed record StreamOfferDto
{
    public int OfferId { get; init; }
    public int Share { get; init; } = 100;
}
