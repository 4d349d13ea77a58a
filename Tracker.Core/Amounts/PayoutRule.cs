using Tracker.Core.Offers;

namespace Tracker.Core.Amounts;

/// <summary>
/// The payout rules. CPA with a fixed payout: the offer's amount, whatever the postback says.
/// CPA with Auto: the postback's payout in its currency (default: the offer's payout currency).
/// CPC: the revenue was counted at click time, so a conversion adds none. Everything ends in the
/// base currency through the settings' exchange rates. A currency with no rate is neither a silent 0
/// nor a refusal: the result waits for the rate (<see cref="PayoutResult.AwaitingRate"/>).
/// </summary>
public static class PayoutRule
{
    public static PayoutResult Revenue(Offer? offer, decimal? postbackPayout, string? postbackCurrency, ExchangeRates rates)
    {
        if (offer is null)
        {
            // A click that reached no offer (a "show text" stream, say) can still convert; only the
            // postback can say what it earned.
            var currency = postbackCurrency ?? rates.BaseCurrency;
            return Convert(Money.FromDecimal(postbackPayout ?? 0m, currency), rates,
                postbackPayout is null ? "No offer on the click and no payout in the postback: revenue 0." : "No offer on the click: payout taken from the postback.");
        }

        switch (offer.PayoutType)
        {
            case PayoutType.Cpc:
                var stated = Money.FromDecimal(postbackPayout ?? 0m, postbackCurrency ?? offer.PayoutCurrency);
                return PayoutResult.Ok(Money.Zero(rates.BaseCurrency), stated,
                    "CPC offer: its revenue was counted at click time, so the conversion adds none.");
            case PayoutType.Cpa when !offer.PayoutAuto:
                return Convert(new Money(offer.PayoutMicros, CurrencyCode.Normalize(offer.PayoutCurrency)), rates,
                    "Fixed payout: the offer's amount, whatever the postback says.");
            case PayoutType.Cpa:
                var autoCurrency = postbackCurrency ?? CurrencyCode.Normalize(offer.PayoutCurrency);
                return Convert(Money.FromDecimal(postbackPayout ?? 0m, autoCurrency), rates,
                    postbackPayout is null ? "Auto payout, but the postback has no payout: revenue 0." : "Auto payout: the amount from the postback.");
            default:
                throw new ArgumentOutOfRangeException(nameof(offer), offer.PayoutType, "Unknown payout type.");
        }
    }

    private static PayoutResult Convert(Money stated, ExchangeRates rates, string note)
    {
        // Zero is zero in every currency: a missing rate cannot make it wrong.
        if (stated.Micros == 0)
            return PayoutResult.Ok(Money.Zero(rates.BaseCurrency), stated, note);
        if (!rates.TryConvertToBase(stated, out var converted, out _))
            return PayoutResult.WaitingForRate(stated, rates.BaseCurrency,
                $"{note} {stated} waits for an exchange rate {stated.Currency}→{rates.BaseCurrency}: add it in Settings → Exchange rates and the revenue is converted then.");
        var conversion = stated.Currency == rates.BaseCurrency ? "" : $" {stated} = {converted} at the configured rate.";
        return PayoutResult.Ok(converted, stated, note + conversion);
    }
}
