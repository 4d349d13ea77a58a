using Tracker.Core.Amounts;

namespace Tracker.Core.Clicks;

/// <summary>The query parameters a traffic source can pass on a campaign link (Keitaro's names).</summary>
public static class ClickParameters
{
    public const int SubIdCount = 30;

    public const string Keyword = "keyword";
    public const string Source = "source";
    public const string ExternalId = "external_id";
    public const string CreativeId = "creative_id";
    public const string AdCampaignId = "ad_campaign_id";
    public const string Cost = "cost";
    public const string Currency = "currency";

    /// <summary><c>sub_id_1</c> … <c>sub_id_30</c>.</summary>
    public static string SubIdName(int n) => SubIdNames[n - 1];

    private static readonly string[] SubIdNames = Enumerable.Range(1, SubIdCount).Select(i => $"sub_id_{i}").ToArray();

    /// <summary>Every documented parameter, in the order the campaign page lists them.</summary>
    public static readonly IReadOnlyList<string> Known =
        [.. SubIdNames, Keyword, Source, ExternalId, CreativeId, AdCampaignId, Cost, Currency];

    /// <summary>
    /// The click's cost from <c>cost</c> and <c>currency</c> (default: the base currency). An amount
    /// that does not parse is recorded as zero and the reason returned for the trace.
    /// </summary>
    public static Money ParseCost(IReadOnlyDictionary<string, string> parameters, string baseCurrency, out string? problem)
    {
        problem = null;
        if (!parameters.TryGetValue(Cost, out var text) || string.IsNullOrWhiteSpace(text))
            return Money.Zero("");
        var currency = parameters.TryGetValue(Currency, out var c) && !string.IsNullOrWhiteSpace(c) ? c : baseCurrency;
        if (!CurrencyCode.IsValid(currency))
        {
            problem = $"Cost ignored: '{Shorten(currency)}' is not a currency code.";
            return Money.Zero("");
        }
        if (!Money.TryParseAmount(text, out var amount, out var error))
        {
            problem = $"Cost ignored: {error}";
            return Money.Zero("");
        }
        return Money.FromDecimal(amount, currency);
    }

    private static string Shorten(string s) => s.Length <= 16 ? s : s[..16] + "…";
}
