using System.ComponentModel;
using Tracker.Core.Conversions;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>A conversion as the API shows it: money as decimals, revenue in the base currency.</summary>
public sealed record ConversionDto
{
    public long Id { get; init; }

    [Description("The click's subid, as the network sent it back.")]
    public string SubId { get; init; } = "";

    public long ClickId { get; init; }
    public int CampaignId { get; init; }
    public string? CampaignName { get; init; }
    public int? StreamId { get; init; }
    public int? OfferId { get; init; }
    public string? OfferName { get; init; }
    public int? AffiliateNetworkId { get; init; }
    public string? AffiliateNetworkName { get; init; }

    [Description("lead (payout on hold), sale (confirmed) or rejected.")]
    public ConversionStatus Status { get; init; }

    [Description("The status word exactly as the network sent it, before lead_status / sale_status / rejected_status mapped it.")]
    public string OriginalStatus { get; init; } = "";

    [Description("Revenue including rebills, in 'currency' (the base currency). When awaitingRate is set, its amount is not included yet.")]
    public decimal Revenue { get; init; }

    [Description("Set while part of the revenue waits for an exchange rate (the network paid in a currency with no rate in Settings): the amount and currency waiting. Null otherwise. Adding the rate converts it into revenue.")]
    public PendingRateDto? AwaitingRate { get; init; }

    public string Currency { get; init; } = "";

    [Description("The payout as stated (by the postback, or by the offer for a fixed payout), before conversion to the base currency.")]
    public decimal OriginalPayout { get; init; }

    public string OriginalCurrency { get; init; } = "";

    [Description("Rebills (repeated payments with new tids) added to this conversion.")]
    public int Rebills { get; init; }

    [Description("The first postback's transaction id, if it had one.")]
    public string? Tid { get; init; }

    [Description("UTC time of the first postback.")]
    public DateTime CreatedAt { get; init; }

    [Description("UTC time of the click.")]
    public DateTime ClickedAt { get; init; }

    public DateTime UpdatedAt { get; init; }
}

/// <summary>Revenue that waits for an exchange rate.</summary>
public sealed record PendingRateDto(
    [property: Description("The amount as the network stated it.")] decimal Amount,
    [property: Description("ISO 4217 code with no exchange rate yet, e.g. BRL.")] string Currency);

/// <summary>One page of conversions.</summary>
public sealed record ConversionPageDto(
    [property: Description("The conversions on this page, newest first.")] IReadOnlyList<ConversionDto> Items,
    [property: Description("How many conversions match the filters, over all pages.")] int Total,
    [property: Description("How many matching conversions were skipped before this page.")] int Skip,
    [property: Description("The page size used.")] int Take);

/// <summary>A received postback as the API shows it.</summary>
public sealed record PostbackDto
{
    public long Id { get; init; }

    [Description("UTC time the postback arrived.")]
    public DateTime ReceivedAt { get; init; }

    public string SourceIp { get; init; } = "";
    public string Method { get; init; } = "";

    [Description("The query string and (for POST) the body, exactly as received.")]
    public string Raw { get; init; } = "";

    public string? SubId { get; init; }

    [Description("The status word as the network sent it.")]
    public string? Status { get; init; }

    [Description("The postback's 'from' parameter: the network's name.")]
    public string? From { get; init; }

    [Description("What the tracker did: created, status_changed, rebill_added, duplicate_ignored, unknown_sub_id, transition_not_allowed, ignored_status, malformed, forbidden, failed.")]
    public PostbackOutcome Outcome { get; init; }

    [Description("What happened and why, in words.")]
    public string Message { get; init; } = "";

    [Description("The conversion it created or changed, if any.")]
    public long? ConversionId { get; init; }
}
