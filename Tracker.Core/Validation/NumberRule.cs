using Tracker.Core.Amounts;

namespace Tracker.Core.Validation;

/// <summary>
/// What a number field accepts: its range, how many decimal places, and how to name it in a message.
/// The presets are the admin's number fields; their limits match the validators, so a value that parses
/// here is not refused again on save for its range.
/// </summary>
/// <param name="What">How a message names the value, lower case ("the payout", "the daily cap").</param>
/// <param name="Min">The smallest value allowed.</param>
/// <param name="Max">The largest value allowed.</param>
/// <param name="Decimals">Decimal places allowed: 0 for a whole number, 6 for money (micro-units).</param>
/// <param name="MinIsExclusive">The value must be more than <paramref name="Min"/> (an exchange rate of 0 means nothing).</param>
/// <param name="Unit">What one whole unit counts, for a whole-number message ("conversions"), or null.</param>
/// <param name="ShownDecimals">Decimal places always shown when a value is written back (2 for money: 12.50).</param>
public sealed record NumberRule(string What, decimal Min, decimal Max, int Decimals, bool MinIsExclusive = false, string? Unit = null, int ShownDecimals = 0)
{
    /// <summary>A payout or any other amount of money: 0 to one billion, kept to a millionth (a $0.0005 CPC stays exact).</summary>
    public static readonly NumberRule Amount = new("the amount", 0m, Money.MaxAmount, 6, ShownDecimals: 2);

    /// <summary>How much one unit of a currency is worth in the base currency: more than 0, up to one billion.</summary>
    public static readonly NumberRule ExchangeRate = new("the rate", 0m, Money.MaxAmount, 6, MinIsExclusive: true);

    /// <summary>The daily conversion cap of an offer: a whole number of conversions.</summary>
    public static readonly NumberRule DailyCap = new("the daily cap", 1m, Offers.OfferValidator.MaxDailyCap, 0, Unit: "conversions");

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> of <paramref name="unit"/> (a weight, a share, hours).</summary>
    public static NumberRule Whole(string what, int min, int max, string unit) => new(what, min, max, 0, Unit: unit);

    /// <summary>Returns a copy that names the value differently in messages.</summary>
    public NumberRule Named(string what) => this with { What = what };
}
