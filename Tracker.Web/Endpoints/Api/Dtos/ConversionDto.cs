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
