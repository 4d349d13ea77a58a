using System.ComponentModel;
using Tracker.Core.Campaigns;

namespace Tracker.Web.Endpoints.Api.Dtos;

public sealed record StreamFilterDto
{
    [Description("The filter type: 'country' (values are ISO 3166-1 alpha-2 codes) or 'bot' (no values: include = bots only, exclude = no bots).")]
    public string Type { get; init; } = StreamFilterTypes.Country;

    [Description("include: only visitors with one of the values (bot: only bots); exclude: all visitors except those (bot: no bots).")]
    public FilterMode Mode { get; init; } = FilterMode.Include;

    [Description("At least one value for country, e.g. [\"DE\", \"AT\"]; none for bot.")]
    public List<string> Values { get; init; } = [];
}
