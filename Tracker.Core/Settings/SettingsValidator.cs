using Tracker.Core.Amounts;
using Tracker.Core.Validation;

namespace Tracker.Core.Settings;

public static class SettingsValidator
{
    public static ValidationErrors Validate(TrackerSettings s)
    {
        var e = new ValidationErrors();
        if (!CurrencyCode.IsValid(s.BaseCurrency)) e.Add("baseCurrency", "Choose a three-letter ISO 4217 code (e.g. USD).");
        if (!TimeZones.IsValid(s.TimeZone)) e.Add("timeZone", $"'{s.TimeZone}' is not a known IANA time zone (e.g. Europe/Berlin).");
        foreach (var (code, rate) in s.ExchangeRates)
        {
            if (!CurrencyCode.IsValid(code)) e.Add("exchangeRates", $"'{code}' is not a currency code.");
            else if (rate <= 0 || rate > 1_000_000_000m) e.Add("exchangeRates", $"The rate for {code} must be a positive number (how much one {code} is worth in the base currency).");
        }
        return e;
    }
}
