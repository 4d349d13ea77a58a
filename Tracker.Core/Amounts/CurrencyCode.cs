namespace Tracker.Core.Amounts;

/// <summary>ISO 4217 currency codes the tracker knows, with names for pickers.</summary>
public static class CurrencyCode
{
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["USD"] = "US Dollar", ["EUR"] = "Euro", ["GBP"] = "Pound Sterling", ["RUB"] = "Russian Ruble",
        ["UAH"] = "Ukrainian Hryvnia", ["KZT"] = "Kazakhstani Tenge", ["BYN"] = "Belarusian Ruble",
        ["PLN"] = "Polish Zloty", ["CZK"] = "Czech Koruna", ["HUF"] = "Hungarian Forint", ["RON"] = "Romanian Leu",
        ["BGN"] = "Bulgarian Lev", ["CHF"] = "Swiss Franc", ["SEK"] = "Swedish Krona", ["NOK"] = "Norwegian Krone",
        ["DKK"] = "Danish Krone", ["TRY"] = "Turkish Lira", ["CAD"] = "Canadian Dollar", ["AUD"] = "Australian Dollar",
        ["NZD"] = "New Zealand Dollar", ["JPY"] = "Japanese Yen", ["CNY"] = "Chinese Yuan", ["HKD"] = "Hong Kong Dollar",
        ["SGD"] = "Singapore Dollar", ["INR"] = "Indian Rupee", ["IDR"] = "Indonesian Rupiah", ["THB"] = "Thai Baht",
        ["VND"] = "Vietnamese Dong", ["PHP"] = "Philippine Peso", ["MYR"] = "Malaysian Ringgit", ["KRW"] = "South Korean Won",
        ["BRL"] = "Brazilian Real", ["MXN"] = "Mexican Peso", ["ARS"] = "Argentine Peso", ["CLP"] = "Chilean Peso",
        ["COP"] = "Colombian Peso", ["PEN"] = "Peruvian Sol", ["ZAR"] = "South African Rand", ["NGN"] = "Nigerian Naira",
        ["EGP"] = "Egyptian Pound", ["AED"] = "UAE Dirham", ["SAR"] = "Saudi Riyal", ["ILS"] = "Israeli New Shekel",
        ["GEL"] = "Georgian Lari", ["AZN"] = "Azerbaijani Manat", ["AMD"] = "Armenian Dram", ["UZS"] = "Uzbekistani Som",
        ["PKR"] = "Pakistani Rupee", ["BDT"] = "Bangladeshi Taka", ["USDT"] = "Tether (USDT)",
    };

    /// <summary>Upper-cases and trims; networks send <c>usd</c> as often as <c>USD</c>.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>Three letters A–Z (ISO 4217 shape) or a code from <see cref="Known"/>.</summary>
    public static bool IsValid(string? code)
    {
        var c = Normalize(code);
        if (Known.ContainsKey(c)) return true;
        return c.Length == 3 && c.All(ch => ch is >= 'A' and <= 'Z');
    }
}
