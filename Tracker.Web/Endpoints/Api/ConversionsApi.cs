using System.Globalization;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
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
    internal static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
