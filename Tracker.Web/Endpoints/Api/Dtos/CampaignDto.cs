using System.ComponentModel;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>
/// A campaign with its streams in routing order (API.md "Campaign fields"). A PUT replaces the
/// campaign and its whole stream list: streams with an id are updated, streams without one are added,
/// streams left out are removed.
/// </summary>
public sealed record CampaignDto
{
    [ReadOnlyField, Description("Assigned by the tracker; ignored in requests (the route's id wins on PUT).")]
    public int Id { get; init; }

    [Description("Shown in the admin and in reports. Required, at most 200 characters.")]
    public string Name { get; init; } = "";

    [Description("The path of the tracking link /{alias}: 2–64 characters [a-z0-9_-], starting with a letter or digit; unique; not admin, api, lo, health, favicon.ico, robots.txt or anything starting with '_'.")]
    public string Alias { get; init; } = "";

    [Description("active or archived; an archived campaign keeps its clicks and reports but its link no longer routes visitors.")]
    public ItemState State { get; init; } = ItemState.Active;

    [Description("A click is unique when the same IP and user agent have not clicked this campaign within this many hours (1–8760, default 24).")]
    public int UniquenessHours { get; init; } = 24;

    [Description("In routing order: forced streams are tried in this order, then regular streams by weight among those whose filters match, then the default stream.")]
    public List<StreamDto> Streams { get; init; } = [];

    [Description("Increases on every change. Required on PUT: send the version you read; an older one answers 409 and saves nothing.")]
    public int Version { get; init; }

    [ReadOnlyField, Description("The link to put into ads: the public base URL plus the alias.")]
    public string TrackingUrl { get; init; } = "";
}

/// <summary>One routing rule of a campaign.</summary>
public sealed record StreamDto
{
    [Description("The stream's id; 0 or absent for a new stream.")]
    public int Id { get; init; }

    [Description("Shown in reports and click traces; 'Stream N' when empty.")]
    public string Name { get; init; } = "";

    [Description("forced: tried first, in order; regular: weighted among the matching ones; default: takes everyone else (at most one, no filters).")]
    public StreamType Type { get; init; } = StreamType.Regular;

    [Description("Regular streams only: relative share of the traffic among the matching regular streams, 0–10000 (0 pauses it).")]
    public int Weight { get; init; } = 100;

    [Description("active or archived (archived streams are skipped).")]
    public ItemState State { get; init; } = ItemState.Active;

    [Description("Conditions on the visitor; the stream takes a visitor only when all match.")]
    public List<StreamFilterDto> Filters { get; init; } = [];

    [Description("offers: rotate among the offers by share; show_text: answer with actionPayload; status404: answer 404; do_nothing: an empty page.")]
    public StreamAction Action { get; init; } = StreamAction.Offers;

    [Description("The text for show_text (required there), otherwise empty.")]
    public string ActionPayload { get; init; } = "";

    [Description("For action offers: at least one; each offer once, with a share of 1–10000.")]
    public List<StreamOfferDto> Offers { get; init; } = [];
}

public sealed record StreamFilterDto
{
    [Description("The filter type: 'country' (values are ISO 3166-1 alpha-2 codes) or 'bot' (no values: include = bots only, exclude = no bots).")]
    public string Type { get; init; } = StreamFilterTypes.Country;

    [Description("include: only visitors with one of the values (bot: only bots); exclude: all visitors except those (bot: no bots).")]
    public FilterMode Mode { get; init; } = FilterMode.Include;

    [Description("At least one value for country, e.g. [\"DE\", \"AT\"]; none for bot.")]
    public List<string> Values { get; init; } = [];
}

public sealed record StreamOfferDto
{
    [Description("An existing offer's id.")]
    public int OfferId { get; init; }

    [Description("Relative share among the stream's offers, 1–10000.")]
    public int Share { get; init; } = 100;
}
