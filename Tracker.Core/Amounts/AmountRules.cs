namespace Tracker.Core.Amounts;

/// <summary>Which decimal amounts a user may enter so that they are stored exactly in micro-units.</summary>
public static class AmountRules
{
    /// <summary>Null when the amount converts to micro-units exactly and is in range, else what to fix.</summary>
    public static string? CheckExact(decimal amount)
    {
        if (amount < 0) return "Amount cannot be negative.";
        if (amount > Money.MaxAmount) return $"Amount is too large (at most {Money.MaxAmount:0}).";
        if (decimal.Round(amount, 6) != amount)
            return "Amount can have at most 6 decimal places (0.0005 is fine, 0.0000001 is not).";
        return null;
    }
}
