using System.Globalization;

namespace Tracker.Core.Amounts;

/// <summary>
/// An exact amount: integer micro-units (1/1,000,000 of the currency unit) plus an ISO 4217 code.
/// Stored as an integer so SQLite can SUM and ORDER it and a $0.0005 CPC payout stays exact.
/// </summary>
public readonly record struct Money(long Micros, string Currency)
{
    public const long MicrosPerUnit = 1_000_000;

    /// <summary>The largest amount we accept from a user or a network: one billion units.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public static Money Zero(string currency) => new(0, currency);

    /// <summary>Rounds half away from zero to the nearest micro-unit.</summary>
    public static Money FromDecimal(decimal amount, string currency) =>
        new(ToMicros(amount), CurrencyCode.Normalize(currency));

    public static long ToMicros(decimal amount) =>
        (long)decimal.Round(amount * MicrosPerUnit, 0, MidpointRounding.AwayFromZero);

    public static decimal FromMicros(long micros) => micros / (decimal)MicrosPerUnit;

    public decimal ToDecimal() => FromMicros(Micros);

    public Money Add(Money other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
            throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}; convert first.");
        return this with { Micros = checked(Micros + other.Micros) };
    }

    /// <summary>
    /// Parses an amount the way networks send it: invariant culture, a dot as the decimal separator,
    /// no thousands separators, no exponent, not negative, not NaN/Infinity, at most six decimals kept.
    /// </summary>
    public static bool TryParseAmount(string? text, out decimal amount, out string error)
    {
        amount = 0;
        error = "";
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "Amount is empty.";
            return false;
        }
        if (trimmed.Contains(','))
        {
            error = $"'{Shorten(trimmed)}' is not a valid amount: use a dot as the decimal separator (e.g. 10.50).";
            return false;
        }
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out amount))
        {
            error = $"'{Shorten(trimmed)}' is not a number (expected e.g. 0.5 or 12).";
            return false;
        }
        if (amount < 0)
        {
            error = "Amount cannot be negative.";
            return false;
        }
        if (amount > MaxAmount)
        {
            error = "Amount is too large.";
            return false;
        }
        return true;
    }

    public override string ToString() =>
        $"{ToDecimal().ToString("0.######", CultureInfo.InvariantCulture)} {Currency}";

    private static string Shorten(string s) => s.Length <= 32 ? s : s[..32] + "…";
}
