using System.Globalization;

namespace Tracker.Core.Validation;

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
