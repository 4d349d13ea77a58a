using System.ComponentModel;
using Tracker.Core.Offers;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>
/// An offer as the API sends and receives it (API.md "Offer fields"). A PUT replaces every writable
/// field, so send the whole object you got from GET with your changes applied.
/// </summary>
public sealed record OfferDto
{
    [ReadOnlyField, Description("Assigned by the tracker; ignored in requests (the route's id wins on PUT).")]
    public int Id { get; init; }

    [Description("Shown in the admin and in reports. Required, at most 200 characters.")]
    public string Name { get; init; } = "";

    [Description("Offer group, or null.")]
    public int? GroupId { get; init; }

    [Description("Affiliate network whose offer parameters (e.g. &sub1={subid}) are appended to the URL, or null.")]
    public int? AffiliateNetworkId { get; init; }

    [Description("How the visitor is taken to the offer: http (302), meta, double_meta, js, blank_referrer, formsubmit, iframe.")]
    public RedirectType RedirectType { get; init; } = RedirectType.Http;

    [Description("Absolute http/https URL; macros such as {subid} allowed. May be empty for a local offer.")]
    public string Url { get; init; } = "";

    [Description("A local offer serves an uploaded archive (POST /offers/{id}/archive) instead of redirecting.")]
    public bool IsLocal { get; init; }

    [ReadOnlyField, Description("Where the uploaded archive of a local offer is served; null until an archive is uploaded.")]
    public string? LocalUrl { get; init; }

    [Description("ISO 3166-1 alpha-2 country codes (e.g. DE, AT); metadata for picking offers in streams.")]
    public List<string> Countries { get; init; } = [];

    [Description("cpa: revenue is added when the network's postback arrives; cpc: revenue is added as soon as the visitor is sent.")]
    public PayoutType PayoutType { get; init; } = PayoutType.Cpa;

    [Description("true: the payout is taken from the postback (&payout=0.5&currency=usd); false: payoutValue is used. Not allowed with cpc.")]
    public bool PayoutAuto { get; init; }

    [Description("Fixed payout in payoutCurrency, a JSON number with at most 6 decimals (0.0005 is exact). Not negative.")]
    public decimal PayoutValue { get; init; }

    [Description("ISO 4217 code of the payout, e.g. USD or EUR.")]
    public string PayoutCurrency { get; init; } = "USD";

    [Description("true: repeated postbacks with a new tid add revenue to the conversion; false: repeated postbacks for one subid are ignored.")]
    public bool Rebills { get; init; }

    [Description("Daily limit of conversions; when reached, clicks go to the alternative offer.")]
    public ConversionCapDto ConversionCap { get; init; } = new();

    [Description("Free text, visible only to the admin.")]
    public string Notes { get; init; } = "";

    [Description("active or archived.")]
    public ItemState State { get; init; } = ItemState.Active;

    [Description("Increases on every change. Required on PUT: the version you last read; an older one answers 409.")]
    public int Version { get; init; }

    [ReadOnlyField, Description("UTC time the offer was created.")]
    public DateTime CreatedAt { get; init; }

    [ReadOnlyField, Description("UTC time of the last change.")]
    public DateTime UpdatedAt { get; init; }
}
