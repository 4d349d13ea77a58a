using System.Globalization;
using Tracker.Core.Clicks;

namespace Tracker.Core.Offers.LocalOffers;

/// <summary>
/// The macro values a local offer page can use (the contract's macro list), from the offer and, when a
/// visitor came through a campaign link, the recorded click. A macro with no value becomes empty.
/// </summary>
public static class LocalOfferMacros
{
    private static readonly HashSet<string> ClickParameters = new(StringComparer.Ordinal)
    {
        "source", "keyword", "external_id", "creative_id", "ad_campaign_id",
    };

    public static Func<string, string?> For(Offer offer, Click? click, DateTime utcNow, string? campaignName = null) => name =>
    {
        switch (name)
        {
            case "offer_id": return offer.Id.ToString(CultureInfo.InvariantCulture);
            case "offer_name": return offer.Name;
            case "affiliate_network_id": return offer.AffiliateNetworkId?.ToString(CultureInfo.InvariantCulture) ?? "";
            case "date": return utcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "random": return Random.Shared.Next(0, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        }
        if (click is null)
            return IsClickMacro(name) ? "" : null;
        return name switch
        {
            "subid" => click.SubId,
            "campaign_id" => click.CampaignId.ToString(CultureInfo.InvariantCulture),
            "campaign_name" => campaignName ?? "",
            "stream_id" => click.StreamId?.ToString(CultureInfo.InvariantCulture) ?? "",
            "country" => click.Country,
            "ip" => click.Ip,
            "user_agent" => click.UserAgent,
            "referrer" => click.Referrer,
            "language" => click.Language,
            "cost" => click.CostMicros == 0 ? "" : (click.CostMicros / 1_000_000m).ToString(CultureInfo.InvariantCulture),
            _ when IsClickParameter(name) => click.Parameters.GetValueOrDefault(name, ""),
            _ => null,
        };
    };

    private static bool IsClickMacro(string name) =>
        name is "subid" or "campaign_id" or "campaign_name" or "stream_id" or "country" or "ip" or "user_agent"
            or "referrer" or "language" or "cost"
        || IsClickParameter(name);

    private static bool IsClickParameter(string name) =>
        ClickParameters.Contains(name)
        || (name.StartsWith("sub_id_", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 30
            && name.Length == 7 + n.ToString(CultureInfo.InvariantCulture).Length);
}
