namespace Tracker.Core.Conversions;

/// <summary>The rules about statuses themselves: our words, allowed changes, what the cap counts.</summary>
public static class ConversionStatuses
{
    /// <summary>lead→sale, lead→rejected, sale→rejected, rebill→rejected; nothing else.</summary>
    public static bool IsAllowedChange(ConversionStatus from, ConversionStatus to) => from switch
    {
        ConversionStatus.Lead => to is ConversionStatus.Sale or ConversionStatus.Rejected,
        ConversionStatus.Sale or ConversionStatus.Rebill => to is ConversionStatus.Rejected,
        ConversionStatus.Rejected => false,
    };

    /// <summary>A conversion counts toward an offer's daily cap while it is a lead or a sale.</summary>
    public static bool CountsTowardCap(ConversionStatus status) =>
        status is ConversionStatus.Lead or ConversionStatus.Sale;

    public static bool TryParseNative(string word, out ConversionStatus status)
    {
        switch (word.Trim().ToLowerInvariant())
        {
            case "lead": status = ConversionStatus.Lead; return true;
            case "sale": status = ConversionStatus.Sale; return true;
            case "rejected": status = ConversionStatus.Rejected; return true;
            case "rebill": status = ConversionStatus.Rebill; return true;
            default: status = default; return false;
        }
    }

    /// <summary>Our word for a status, as the API and the postback use it.</summary>
    public static string Word(this ConversionStatus status) => status switch
    {
        ConversionStatus.Lead => "lead",
        ConversionStatus.Sale => "sale",
        ConversionStatus.Rejected => "rejected",
        ConversionStatus.Rebill => "rebill",
    };
}
