namespace Tracker.Core.Clicks;

/// <summary>One recorded visit to a campaign link, identified by the <see cref="SubId"/> networks send back.</summary>
public sealed class Click
{
    public long Id { get; set; }

    /// <summary>Lowercase letters and digits, at most 26 characters, at least 96 random bits.</summary>
    public string SubId { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    public int CampaignId { get; set; }

    public int? StreamId { get; set; }

    public int? OfferId { get; set; }

    public int? AffiliateNetworkId { get; set; }

    /// <summary>ISO 3166-1 alpha-2, empty when unknown.</summary>
    public string Country { get; set; } = "";

    public string Ip { get; set; } = "";

    public string UserAgent { get; set; } = "";

    public string Referrer { get; set; } = "";

    public string Language { get; set; } = "";

    public bool IsUnique { get; set; }

    /// <summary>Why the click counts as a bot; <see cref="Clicks.BotReason.None"/> for people. Bots get 0 cost in the base currency and never count toward conversion caps.</summary>
    public BotReason BotReason { get; set; }

    public bool IsBot => BotReason != BotReason.None;

    /// <summary>Incoming tracking parameters (sub_id_1…30, keyword, source, …) by name.</summary>
    public Dictionary<string, string> Parameters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Cost of the click as the traffic source reported it, in micro-units of <see cref="CostCurrency"/>.</summary>
    public long CostMicros { get; set; }

    public string CostCurrency { get; set; } = "";

    /// <summary>The cost converted to the base currency at the click's time (0 when no rate was configured), in micro-units; what reports count as cost.</summary>
    public long CostBaseMicros { get; set; }

    /// <summary>CPC revenue in micro-units of the base currency (0 for CPA offers).</summary>
    public long RevenueMicros { get; set; }

    /// <summary>The routing decision in words: streams tried, filters that said no, offer chosen and why.</summary>
    public List<string> Trace { get; set; } = [];
}
