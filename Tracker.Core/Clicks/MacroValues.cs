using Tracker.Core.Offers;

namespace Tracker.Core.Clicks;

/// <summary>The values macros expand to for one click. Anything not known is empty.</summary>
public sealed class MacroValues
{
    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    public string SubId { get; init; } = "";

    /// <summary>Null on a local offer page opened directly, without a campaign link.</summary>
    public int? CampaignId { get; init; }

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

    /// <summary>UTC; <c>{date}</c> is its <c>yyyy-MM-dd</c> (empty while unset).</summary>
    public DateTime ClickedAtUtc { get; init; }

    /// <summary><c>{random}</c>: one number per click, so every occurrence in a URL or page agrees.</summary>
    public int Random { get; init; } = System.Random.Shared.Next(1, int.MaxValue);

    public string Parameter(string name) => Parameters.TryGetValue(name, out var v) ? v : "";

    /// <summary>The values of a recorded click that was routed to <paramref name="offer"/> (null: to none).</summary>
    public static MacroValues ForClick(Click click, string campaignName, Offer? offer) => new()
    {
        SubId = click.SubId,
        CampaignId = click.CampaignId,
        CampaignName = campaignName,
        StreamId = click.StreamId,
        OfferId = offer?.Id,
        OfferName = offer?.Name ?? "",
        AffiliateNetworkId = offer?.AffiliateNetworkId,
        Country = click.Country,
        Ip = click.Ip,
        UserAgent = click.UserAgent,
        Referrer = click.Referrer,
        Language = click.Language,
        Parameters = click.Parameters,
        ClickedAtUtc = click.CreatedAt,
    };

    /// <summary>A local offer's page opened without a click: the offer's own values, the date and a random number; click macros empty.</summary>
    public static MacroValues ForOffer(Offer offer, DateTime nowUtc) => new()
    {
        OfferId = offer.Id,
        OfferName = offer.Name,
        AffiliateNetworkId = offer.AffiliateNetworkId,
        ClickedAtUtc = nowUtc,
    };

    /// <summary>
    /// Values that look like a real click, for every preview (the offer editor, <see cref="Macros.Catalogue"/>'s samples);
    /// the keyword has a space to show the encoding.
    /// </summary>
    public static MacroValues Sample(DateTime nowUtc, int? offerId = null, string? offerName = null, int? affiliateNetworkId = null)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ClickParameters.Source] = "facebook",
            [ClickParameters.Keyword] = "casino bonus",
            [ClickParameters.ExternalId] = "ext-42",
            [ClickParameters.CreativeId] = "cr-7",
            [ClickParameters.AdCampaignId] = "ad-99",
            [ClickParameters.Cost] = "0.05",
            [ClickParameters.Currency] = "USD",
        };
        for (var i = 1; i <= ClickParameters.SubIdCount; i++)
            parameters[ClickParameters.SubIdName(i)] = $"sub{i}";
        return new MacroValues
        {
            SubId = "7k2m9q4x1c8v3n6b5z0p2r4t7w",
            CampaignId = 1,
            CampaignName = "Sample campaign",
            StreamId = 1,
            OfferId = offerId is > 0 ? offerId : 1,
            OfferName = string.IsNullOrWhiteSpace(offerName) ? "Sample offer" : offerName.Trim(),
            AffiliateNetworkId = affiliateNetworkId,
            Country = "DE",
            Ip = "203.0.113.7",
            UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
            Referrer = "https://news.example/article",
            Language = "de",
            Parameters = parameters,
            ClickedAtUtc = nowUtc,
            Random = 48213,
        };
    }
}
