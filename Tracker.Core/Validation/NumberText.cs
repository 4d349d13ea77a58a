using System.Globalization;
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

/// <summary>The outcome of reading what was typed into a number field: a value, or why there is none.</summary>
public readonly record struct NumberParse(decimal? Value, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Reads a number as a person types it, and never changes it without saying so: a decimal comma is
/// accepted where it cannot be a thousands separator (<c>12,50</c> is 12.50), and everything else that
/// is not plainly the number meant (an exponent, a thousands separator, a sign where none is allowed,
/// more decimals than kept, a value out of range) is refused with a sentence that says what to type.
/// </summary>
public static class NumberText
{
    /// <summary>Longer input is refused before parsing: no allowed value needs more characters.</summary>
    public const int MaxLength = 40;

    /// <summary>Formats a value the way the parser reads it back: invariant, a dot, no trailing zeros beyond the rule's shown decimals.</summary>
    public static string Format(decimal? value, NumberRule? rule = null)
    {
        if (value is not { } v) return "";
        var shown = Math.Min(rule?.ShownDecimals ?? 0, 6);
        var format = "0" + (shown == 0 ? ".######" : "." + new string('0', shown) + new string('#', 6 - shown));
        return v.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Reads <paramref name="text"/> under <paramref name="rule"/>. Empty text is valid and has no value when <paramref name="required"/> is false.</summary>
    public static NumberParse Parse(string? text, NumberRule rule, bool required = true)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
            return required ? Fail($"Enter {rule.What}{Example(rule)}.") : new(null, null);
        var shown = t.Length <= 20 ? t : t[..20] + "…";
        if (t.Length > MaxLength) return Fail($"'{shown}' is too long for {rule.What}.");

        var negative = false;
        var body = t;
        if (body[0] is '-' or '−')
        {
            negative = true;
            body = body[1..].TrimStart();
        }
        else if (body[0] == '+')
        {
            body = body[1..].TrimStart();
        }

        if (body.Contains('e', StringComparison.OrdinalIgnoreCase) && body.Any(char.IsDigit) && body.All(c => char.IsDigit(c) || c is 'e' or 'E' or '.' or ',' or '+' or '-'))
            return Fail($"'{shown}' is written with an exponent: write the digits out{Example(rule)}.");
        if (body.Any(c => c is ' ' or '\u00A0' or '\u202F' or '\''))
            return Fail($"'{shown}' has a space or a thousands separator in it: write the digits only{Example(rule)}.");

        var dots = body.Count(c => c == '.');
        var commas = body.Count(c => c == ',');
        if (dots + commas > 1)
            return Fail($"'{shown}' has more than one separator: write the digits without thousands separators and at most one decimal point{Example(rule)}.");
        var separator = body.IndexOfAny(['.', ',']);
        var whole = separator < 0 ? body : body[..separator];
        var fraction = separator < 0 ? "" : body[(separator + 1)..];
        if (whole.Length + fraction.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
            return Fail($"'{shown}' is not a number{Example(rule)}.");

        // "1,000" or "12,500" reads as a thousand to some and as one-point-zero to others: ask, don't guess.
        // "0,005" and "12,50" can only be decimals.
        if (commas == 1 && fraction.Length == 3 && whole.Length is >= 1 and <= 3 && whole.TrimStart('0').Length > 0)
            return Fail($"'{shown}' could mean {whole}{fraction} or {whole}.{fraction}: write it with a dot for decimals ({whole}.{fraction}) or without the comma ({whole}{fraction}).");

        if (negative && rule.Min >= 0)
            return Fail($"{Capital(rule.What)} cannot be negative.");

        var significant = fraction.TrimEnd('0');
        if (significant.Length > rule.Decimals)
        {
            return rule.Decimals == 0
                ? Fail($"'{shown}' is not a whole number: {rule.What} counts {rule.Unit ?? "whole units"}{Example(rule)}.")
                : Fail($"'{shown}' has {significant.Length} decimal places: {rule.What} is kept to {rule.Decimals} (the smallest step is {Format(Step(rule.Decimals))}).");
        }

        var digits = whole.TrimStart('0');
        if (digits.Length > 15)
            return Fail($"'{shown}' is too large: {rule.What} can be at most {Format(rule.Max)}.");
        var value = decimal.Parse((whole.Length == 0 ? "0" : whole) + (significant.Length == 0 ? "" : "." + significant), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (negative) value = -value;

        if (value > rule.Max)
            return Fail($"'{shown}' is too large: {rule.What} can be at most {Format(rule.Max)}.");
        if (rule.MinIsExclusive ? value <= rule.Min : value < rule.Min)
            return Fail(rule.MinIsExclusive
                ? $"{Capital(rule.What)} must be more than {Format(rule.Min)}."
                : $"{Capital(rule.What)} must be at least {Format(rule.Min)}{(rule.Unit is null ? "" : " " + (rule.Min == 1 ? rule.Unit.TrimEnd('s') : rule.Unit))}.");
        return new(value, null);
    }

    private static NumberParse Fail(string error) => new(null, error);

    private static decimal Step(int decimals)
    {
        var step = 1m;
        for (var i = 0; i < decimals; i++) step /= 10;
        return step;
    }

    private static string Example(NumberRule rule) =>
        rule.Decimals == 0 ? $" (e.g. {Format(Math.Max(rule.Min, Math.Min(rule.Max, 50)))})" : " (e.g. 12.50 or 12,50)";

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
