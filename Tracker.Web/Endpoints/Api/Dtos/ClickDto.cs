using System.ComponentModel;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>A recorded click as <c>GET /api/v1/clicks/{subid}</c> returns it.</summary>
public sealed record ClickDto
{
    public long Id { get; init; }

    [Description("The click's id that the network sends back in its postback: 26 lowercase letters and digits.")]
    public string SubId { get; init; } = "";

    [Description("When the click arrived, UTC.")]
    public DateTime CreatedAt { get; init; }

    public int CampaignId { get; init; }

    [Description("The stream that handled the click; null when no stream matched (do nothing).")]
    public int? StreamId { get; init; }

    [Description("The offer the visitor was sent to; null for stream actions and when no offer was available.")]
    public int? OfferId { get; init; }

    public int? AffiliateNetworkId { get; init; }

    [Description("ISO 3166-1 alpha-2; empty when the address is not in the country database.")]
    public string Country { get; init; } = "";

    public string Ip { get; init; } = "";

    public string UserAgent { get; init; } = "";

    public string Referrer { get; init; } = "";

    [Description("The Accept-Language header as sent.")]
    public string Language { get; init; } = "";

    [Description("True when the same IP and user agent had not clicked this campaign within its uniqueness window.")]
    public bool IsUnique { get; init; }

    [Description("True when the click is a bot: an empty user agent, a listed bot user agent or a datacenter address. Bots are routed by the 'bot' stream filter, cost 0 in reports and never count toward conversion caps.")]
    public bool IsBot { get; init; }

    [Description("Why the click is a bot: empty_user_agent, bot_user_agent or datacenter_ip; empty for people.")]
    public string BotReason { get; init; } = "";

    [Description("Every query parameter of the click (sub_id_1…30, keyword, source, …).")]
    public Dictionary<string, string> Parameters { get; init; } = [];

    [Description("The cost the traffic source passed, in costCurrency.")]
    public decimal Cost { get; init; }

    public string CostCurrency { get; init; } = "";

    [Description("The cost reports count, in the tracker's base currency: the source's cost converted at the click's time; 0 for bots and when no exchange rate was set.")]
    public decimal CostCounted { get; init; }

    [Description("CPC revenue booked on the click, in the tracker's base currency.")]
    public decimal Revenue { get; init; }

    [Description("How the click was routed, sentence by sentence.")]
    public List<string> Trace { get; init; } = [];
}
