namespace Tracker.Web.Endpoints.Api;

/// <summary>A recorded click as <c>GET /api/v1/clicks/{subid}</c> returns it.</summary>
public sealed record ClickDto
{
    public long Id { get; init; }

    public string SubId { get; init; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }

    public int CampaignId { get; init; }

    public int? StreamId { get; init; }

    public int? OfferId { get; init; }

    public int? AffiliateNetworkId { get; init; }

    public string Country { get; init; } = "";

    public string Ip { get; init; } = "";

    public string UserAgent { get; init; } = "";

    public string Referrer { get; init; } = "";

    public string Language { get; init; } = "";

    public bool IsUnique { get; init; }

    /// <summary>Every query parameter of the click (sub_id_1…30, keyword, source, …).</summary>
    public Dictionary<string, string> Parameters { get; init; } = [];

    /// <summary>The cost the traffic source passed, in <see cref="CostCurrency"/>.</summary>
    public decimal Cost { get; init; }

    public string CostCurrency { get; init; } = "";

    /// <summary>CPC revenue booked on the click, in the tracker's base currency.</summary>
    public decimal Revenue { get; init; }

    /// <summary>How the click was routed, sentence by sentence.</summary>
    public List<string> Trace { get; init; } = [];
}
