using System.ComponentModel;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;

namespace Tracker.Web.Endpoints.Api.Dtos;

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
