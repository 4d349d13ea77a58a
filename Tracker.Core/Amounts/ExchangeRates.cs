namespace Tracker.Core.Amounts;

/// <summary>
/// Converts amounts into the tracker's base currency. A rate says how much one unit of a currency
/// is worth in the base currency (<c>EUR: 1.08</c> with base USD means 1 EUR = 1.08 USD).
/// </summary>
public sealed class ExchangeRates
{
    private readonly IReadOnlyDictionary<string, decimal> _rates;

    public ExchangeRates(string baseCurrency, IReadOnlyDictionary<string, decimal> rates)
    {
        BaseCurrency = CurrencyCode.Normalize(baseCurrency);
        _rates = rates.ToDictionary(kv => CurrencyCode.Normalize(kv.Key), kv => kv.Value, StringComparer.Ordinal);
    }

    public string BaseCurrency { get; }

    public IReadOnlyDictionary<string, decimal> Rates => _rates;

    /// <summary>Converts to the base currency; false (with a message) when no rate is configured.</summary>
    public bool TryConvertToBase(Money amount, out Money converted, out string error)
    {
        error = "";
        var from = CurrencyCode.Normalize(amount.Currency);
        if (from == BaseCurrency)
        {
            converted = amount with { Currency = BaseCurrency };
            return true;
        }
        if (!_rates.TryGetValue(from, out var rate) || rate <= 0)
        {
            converted = Money.Zero(BaseCurrency);
            error = $"No exchange rate from {from} to {BaseCurrency}: add one in Settings → Exchange rates.";
            return false;
        }
        converted = Money.FromDecimal(amount.ToDecimal() * rate, BaseCurrency);
        return true;
    }
}
