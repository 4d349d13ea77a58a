namespace Tracker.Core.Clicks;

/// <summary>The values macros expand to for one click. Anything not known is empty.</summary>
public sealed class MacroValues
{
    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    public string SubId { get; init; } = "";

    public int CampaignId { get; init; }

    public string CampaignName { get; init; } = "";

    public int? StreamId { get; init; }

    public int? OfferId { get; init; }

    public string OfferName { get; init; } = "";

    public int? AffiliateNetworkId { get; init; }

    public string Country { get; init; } = "";

    public string Ip { get; init; } = "";

    public string UserAgent { get; init; } = "";

    public string Referrer { get; init; } = "";

    public string Language { get; init; } = "";

    /// <summary>The click's query parameters: <c>source</c>, <c>keyword</c>, <c>sub_id_1</c>… and so on.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = NoParameters;

    /// <summary>UTC; <c>{date}</c> is its <c>yyyy-MM-dd</c>.</summary>
    public DateTime ClickedAtUtc { get; init; }

    /// <summary><c>{random}</c>: one number per click, so every occurrence in a URL agrees.</summary>
    public int Random { get; init; } = System.Random.Shared.Next(1, int.MaxValue);

    public string Parameter(string name) => Parameters.TryGetValue(name, out var v) ? v : "";

    /// <summary>Plausible values for previews in the offer editor; the keyword has a space to show the encoding.</summary>
    public static MacroValues Sample(DateTime nowUtc, int? offerId = null, string offerName = "", int? affiliateNetworkId = null)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ClickParameters.Source] = "sample_source",
            [ClickParameters.Keyword] = "sample keyword",
            [ClickParameters.ExternalId] = "ext123",
            [ClickParameters.CreativeId] = "cr45",
            [ClickParameters.AdCampaignId] = "adc67",
            [ClickParameters.Cost] = "0.05",
        };
        for (var i = 1; i <= ClickParameters.SubIdCount; i++)
            parameters[ClickParameters.SubIdName(i)] = $"sub{i}";
        return new MacroValues
        {
            SubId = "samp1e2subid3a4b5c6d7e2f3g",
            CampaignId = 1,
            CampaignName = "Sample campaign",
            StreamId = 1,
            OfferId = offerId ?? 1,
            OfferName = offerName.Length > 0 ? offerName : "Sample offer",
            AffiliateNetworkId = affiliateNetworkId,
            Country = "US",
            Ip = "203.0.113.7",
            UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
            Referrer = "https://traffic.example/landing",
            Language = "en-US",
            Parameters = parameters,
            ClickedAtUtc = nowUtc,
            Random = 424242,
        };
    }
}
