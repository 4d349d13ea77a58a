using System.Globalization;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Core.Conversions;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Conversions;
using Tracker.Web.Services;

namespace Tracker.Web.Endpoints.Api;

/// <summary>A conversion as the API shows it: money as decimals, revenue in the base currency.</summary>
public sealed record ConversionDto
{
    public long Id { get; init; }
    public string SubId { get; init; } = "";
    public long ClickId { get; init; }
    public int CampaignId { get; init; }
    public string? CampaignName { get; init; }
    public int? StreamId { get; init; }
    public int? OfferId { get; init; }
    public string? OfferName { get; init; }
    public int? AffiliateNetworkId { get; init; }
    public string? AffiliateNetworkName { get; init; }
    public ConversionStatus Status { get; init; }
    public string OriginalStatus { get; init; } = "";
    /// <summary>Revenue including rebills, in <see cref="Currency"/>.</summary>
    public decimal Revenue { get; init; }
    public string Currency { get; init; } = "";
    /// <summary>The payout as stated (by the postback, or the offer for fixed payouts), before conversion.</summary>
    public decimal OriginalPayout { get; init; }
    public string OriginalCurrency { get; init; } = "";
    public int Rebills { get; init; }
    public string? Tid { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime ClickedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A received postback as the API shows it.</summary>
public sealed record PostbackDto
{
    public long Id { get; init; }
    public DateTime ReceivedAt { get; init; }
    public string SourceIp { get; init; } = "";
    public string Method { get; init; } = "";
    public string Raw { get; init; } = "";
    public string? SubId { get; init; }
    public string? Status { get; init; }
    public string? From { get; init; }
    public PostbackOutcome Outcome { get; init; }
    public string Message { get; init; } = "";
    public long? ConversionId { get; init; }
}

/// <summary><c>GET /api/v1/conversions</c> and <c>GET /api/v1/postbacks</c>.</summary>
public static class ConversionsApi
{
    public const int DefaultConversionLimit = 1000;
    public const int MaxConversionLimit = 10_000;
    public const int DefaultPostbackLimit = 100;
    public const int MaxPostbackLimit = 1000;

    public static void RegisterMappings(TypeAdapterConfig config)
    {
        config.NewConfig<Conversion, ConversionDto>()
            .Map(d => d.Revenue, s => Core.Money.Money.FromMicros(s.RevenueMicros))
            .Map(d => d.OriginalPayout, s => Core.Money.Money.FromMicros(s.OriginalPayoutMicros))
            .Map(d => d.Rebills, s => s.RebillCount)
            .Ignore(d => d.Currency, d => d.OfferName!, d => d.AffiliateNetworkName!, d => d.CampaignName!);
        config.NewConfig<PostbackLogEntry, PostbackDto>();
    }

    public static RouteGroupBuilder MapConversionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/conversions", ListConversionsAsync)
            .WithSummary("Conversions, newest first. from/to: dates (yyyy-MM-dd, in the settings' time zone, both inclusive) or ISO 8601 times.");
        api.MapGet("/postbacks", ListPostbacksAsync)
            .WithSummary("Received postbacks with their outcome, newest first.");
        return api;
    }

    private static async Task<Results<Ok<List<ConversionDto>>, ValidationProblem>> ListConversionsAsync(
        string? from, string? to, int? offerId, string? status, string? subid, int? limit,
        ConversionQueries queries, SettingsStore settings, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var zone = ZonedDay.TryFindZone(settings.Current.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var fromUtc = ParseBound(from, "from", zone, isEnd: false, errors);
        var toUtc = ParseBound(to, "to", zone, isEnd: true, errors);
        if (fromUtc is not null && toUtc is not null && fromUtc >= toUtc)
            errors.Add("to", "'to' must be after 'from'.");
        ConversionStatus? statusFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (ConversionStatuses.TryParseNative(status, out var s)) statusFilter = s;
            else errors.Add("status", "Use lead, sale, rejected or rebill.");
        }
        var take = limit ?? DefaultConversionLimit;
        if (take is < 1 or > MaxConversionLimit) errors.Add("limit", $"Use 1 to {MaxConversionLimit}.");
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary());

        var page = await queries.ConversionsAsync(new ConversionFilter(fromUtc, toUtc, offerId, statusFilter, subid), 0, take, ct);
        var currency = settings.Current.BaseCurrency;
        var dtos = page.Rows.Select(r => r.Conversion.Adapt<ConversionDto>(mapping) with
        {
            Currency = currency,
            OfferName = r.OfferName,
            AffiliateNetworkName = r.AffiliateNetworkName,
            CampaignName = r.CampaignName,
        }).ToList();
        return TypedResults.Ok(dtos);
    }

    private static async Task<Results<Ok<List<PostbackDto>>, ValidationProblem>> ListPostbacksAsync(
        int? limit, string? subid, string? outcome, ConversionQueries queries, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var take = limit ?? DefaultPostbackLimit;
        if (take is < 1 or > MaxPostbackLimit) errors.Add("limit", $"Use 1 to {MaxPostbackLimit}.");
        PostbackOutcome? outcomeFilter = null;
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            if (Enum.TryParse<PostbackOutcome>(outcome.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var o)
                && Enum.IsDefined(o) && !outcome.Any(char.IsDigit))
                outcomeFilter = o;
            else
                errors.Add("outcome", "Use created, status_changed, rebill_added, duplicate_ignored, unknown_sub_id, transition_not_allowed, ignored_status, malformed, forbidden or failed.");
        }
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary());
        var page = await queries.PostbacksAsync(new PostbackFilter(subid, outcomeFilter), 0, take, ct);
        return TypedResults.Ok(page.Rows.Select(p => p.Adapt<PostbackDto>(mapping)).ToList());
    }

    private static DateTime? ParseBound(string? text, string field, TimeZoneInfo zone, bool isEnd, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var day = ZonedDay.Of(date, zone);
            return isEnd ? day.EndUtc : day.StartUtc;
        }
        if (t.Contains('T') && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.UtcDateTime;
        errors.Add(field, $"'{(t.Length > 40 ? t[..40] + "…" : t)}' is not a date (2026-11-01) or an ISO 8601 time (2026-11-01T12:00:00Z).");
        return null;
    }
}
