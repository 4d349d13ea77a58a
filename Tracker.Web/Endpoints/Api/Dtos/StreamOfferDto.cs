using System.ComponentModel;

namespace Tracker.Web.Endpoints.Api.Dtos;

public sealed record StreamOfferDto
{
    [Description("An existing offer's id.")]
    public int OfferId { get; init; }

    [Description("Relative share among the stream's offers, 1–10000.")]
    public int Share { get; init; } = 100;
}
