using System.ComponentModel;
using System.Globalization;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Tracker.Core.Amounts;
using Tracker.Core.Conversions;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Conversions;
using Tracker.Web.Endpoints.Api.Dtos;
using Tracker.Web.Services;

namespace Tracker.Web.Endpoints.Api;

/// <summary><c>GET /api/v1/conversions</c> and <c>GET /api/v1/postbacks</c>: read-only views of the money.</summary>
public static class ConversionsApi
{
    public static void RegisterMappings(TypeAdapterConfig config)
    {
        config.NewConfig<Conversion, ConversionDto>()
            .Map(d => d.Revenue, s => Money.FromMicros(s.RevenueMicros))
            .Map(d => d.OriginalPayout, s => Money.FromMicros(s.OriginalPayoutMicros))
            .Map(d => d.Rebills, s => s.RebillCount)
            .Ignore(d => d.Currency, d => d.OfferName!, d => d.AffiliateNetworkName!, d => d.CampaignName!, d => d.AwaitingRate!);
        config.NewConfig<PostbackLogEntry, PostbackDto>();
    }

    public static RouteGroupBuilder MapConversionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/conversions", ListConversionsAsync).WithName("ListConversions").WithTags("Conversions")
            .WithSummary("List conversions")
            .WithDescription("Newest first, paged. from/to are dates (yyyy-MM-dd, days in the settings' time zone, both included) or ISO 8601 times.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                ConversionListParameters.Describe(operation);
                return Task.CompletedTask;
            });
        api.MapGet("/postbacks", ListPostbacksAsync).WithName("ListPostbacks").WithTags("Postbacks")
            .WithSummary("List received postbacks")
            .WithDescription("Every postback the tracker received, newest first, with its outcome in words.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                PostbackListParameters.Describe(operation);
                return Task.CompletedTask;
            });
        return api;
    }

    private static async Task<Results<Ok<ConversionPageDto>, ValidationProblem>> ListConversionsAsync(
        [AsParameters] ConversionListParameters parameters, ConversionQueries queries, SettingsStore settings,
        TypeAdapterConfig mapping, CancellationToken ct)
    {
        var zone = ZonedDay.TryFindZone(settings.Current.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var (filter, skip, take, errors) = parameters.ToFilter(zone);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary());

        var page = await queries.ConversionsAsync(filter, skip, take, ct);
        var currency = settings.Current.BaseCurrency;
        var items = page.Rows.Select(r => r.Conversion.Adapt<ConversionDto>(mapping) with
        {
            Currency = currency,
            OfferName = r.OfferName,
            AffiliateNetworkName = r.AffiliateNetworkName,
            CampaignName = r.CampaignName,
            AwaitingRate = r.Conversion.PendingCurrency is { } pending
                ? new PendingRateDto(Money.FromMicros(r.Conversion.PendingMicros), pending)
                : null,
        }).ToList();
        return TypedResults.Ok(new ConversionPageDto(items, page.Total, skip, take));
    }

    private static async Task<Results<Ok<List<PostbackDto>>, ValidationProblem>> ListPostbacksAsync(
        [AsParameters] PostbackListParameters parameters, ConversionQueries queries, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var (filter, limit, errors) = parameters.ToFilter();
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary());
        var page = await queries.PostbacksAsync(filter, 0, limit, ct);
        return TypedResults.Ok(page.Rows.Select(p => p.Adapt<PostbackDto>(mapping)).ToList());
    }

    internal static int Number(string? text, string field, int fallback, int min, int max, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        e.Add(field, max == int.MaxValue ? $"Use a whole number of at least {min}." : $"Use a whole number from {min} to {max}.");
        return fallback;
    }

    /// <summary>A filter that takes one of a few words and has no default (absent means "all").</summary>
    internal static OpenApiSchema AnyOf(IEnumerable<string> words) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. words.Select(w => (System.Text.Json.Nodes.JsonNode)w)],
    };

    internal static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

/// <summary>Query parameters of <c>GET /conversions</c>, taken as text so a wrong value answers a 400 naming it.</summary>
public sealed record ConversionListParameters(
    [property: Description("First day (yyyy-MM-dd, in the settings' time zone) or an ISO 8601 time."), FromQuery(Name = "from")] string? From = null,
    [property: Description("Last day, included (yyyy-MM-dd), or an ISO 8601 time (excluded)."), FromQuery(Name = "to")] string? To = null,
    [property: Description("Only this offer's conversions."), FromQuery(Name = "offerId")] string? OfferId = null,
    [property: Description("lead, sale or rejected."), FromQuery(Name = "status")] string? Status = null,
    [property: Description("One click's conversion."), FromQuery(Name = "subid")] string? SubId = null,
    [property: Description("How many matching conversions to skip (default 0)."), FromQuery(Name = "skip")] string? Skip = null,
    [property: Description("Page size, 1–1000 (default 100)."), FromQuery(Name = "take")] string? Take = null,
    [property: Description("true: only conversions whose revenue waits for an exchange rate."), FromQuery(Name = "awaitingRate")] string? AwaitingRate = null)
{
    public const int DefaultTake = 100;
    public const int MaxTake = 1000;
    private static readonly string[] Statuses = ["lead", "sale", "rejected"];

    public (ConversionFilter Filter, int Skip, int Take, ValidationErrors Errors) ToFilter(TimeZoneInfo zone)
    {
        var e = new ValidationErrors();
        var from = Bound(From, "from", zone, isEnd: false, e);
        var to = Bound(To, "to", zone, isEnd: true, e);
        if (from is not null && to is not null && from >= to) e.Add("to", "'to' must be after 'from'.");
        int? offerId = null;
        if (!string.IsNullOrWhiteSpace(OfferId))
        {
            if (int.TryParse(OfferId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) offerId = id;
            else e.Add("offerId", $"'{ConversionsApi.Shorten(OfferId)}' is not an id: use a positive whole number.");
        }
        ConversionStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (Statuses.Contains(Status.Trim().ToLowerInvariant()) && ConversionStatuses.TryParseNative(Status, out var s)) status = s;
            else e.Add("status", $"'{ConversionsApi.Shorten(Status)}' is not allowed. Use one of: {string.Join(", ", Statuses)}.");
        }
        var skip = ConversionsApi.Number(Skip, "skip", 0, 0, int.MaxValue, e);
        var take = ConversionsApi.Number(Take, "take", DefaultTake, 1, MaxTake, e);
        var subId = string.IsNullOrWhiteSpace(SubId) ? null : SubId.Trim();
        var awaitingRate = false;
        if (!string.IsNullOrWhiteSpace(AwaitingRate) && !bool.TryParse(AwaitingRate.Trim(), out awaitingRate))
            e.Add("awaitingRate", $"'{ConversionsApi.Shorten(AwaitingRate)}' is not allowed. Use true or false.");
        return (new ConversionFilter(from, to, offerId, status, subId, awaitingRate), skip, take, e);
    }

    internal static void Describe(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is not OpenApiParameter p) continue;
            p.Schema = p.Name switch
            {
                "offerId" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
                "skip" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Default = 0 },
                "take" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = MaxTake.ToString(CultureInfo.InvariantCulture), Default = DefaultTake },
                "status" => ConversionsApi.AnyOf(Statuses),
                "awaitingRate" => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = false },
                _ => p.Schema,
            };
        }
    }

    private static DateTime? Bound(string? text, string field, TimeZoneInfo zone, bool isEnd, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (ZonedDay.TryOf(date, zone, out var day)) return isEnd ? day.EndUtc : day.StartUtc;
            errors.Add(field, $"'{t}' is outside the supported dates: use a day from {ZonedDay.SupportedRange}, or leave '{field}' out for no limit.");
            return null;
        }
        if (t.Contains('T') && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.UtcDateTime;
        errors.Add(field, $"'{ConversionsApi.Shorten(t)}' is not a date (2026-11-01) or an ISO 8601 time (2026-11-01T12:00:00Z).");
        return null;
    }
}

/// <summary>Query parameters of <c>GET /postbacks</c>.</summary>
public sealed record PostbackListParameters(
    [property: Description("How many postbacks, newest first: 1–1000 (default 100)."), FromQuery(Name = "limit")] string? Limit = null,
    [property: Description("Only postbacks for this subid."), FromQuery(Name = "subid")] string? SubId = null,
    [property: Description("Only this outcome: created, status_changed, rebill_added, duplicate_ignored, unknown_sub_id, transition_not_allowed, ignored_status, malformed, forbidden, failed."), FromQuery(Name = "outcome")] string? Outcome = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly Dictionary<string, PostbackOutcome> Outcomes = Enum.GetValues<PostbackOutcome>()
        .ToDictionary(o => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(o.ToString()), o => o, StringComparer.OrdinalIgnoreCase);

    public (PostbackFilter Filter, int Limit, ValidationErrors Errors) ToFilter()
    {
        var e = new ValidationErrors();
        var limit = ConversionsApi.Number(Limit, "limit", DefaultLimit, 1, MaxLimit, e);
        PostbackOutcome? outcome = null;
        if (!string.IsNullOrWhiteSpace(Outcome))
        {
            if (Outcomes.TryGetValue(Outcome.Trim(), out var o)) outcome = o;
            else e.Add("outcome", $"'{ConversionsApi.Shorten(Outcome)}' is not allowed. Use one of: {string.Join(", ", Outcomes.Keys)}.");
        }
        var subId = string.IsNullOrWhiteSpace(SubId) ? null : SubId.Trim();
        return (new PostbackFilter(subId, outcome), limit, e);
    }

    internal static void Describe(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is not OpenApiParameter p) continue;
            p.Schema = p.Name switch
            {
                "limit" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = MaxLimit.ToString(CultureInfo.InvariantCulture), Default = DefaultLimit },
                "outcome" => ConversionsApi.AnyOf(Outcomes.Keys),
                _ => p.Schema,
            };
        }
    }
}
