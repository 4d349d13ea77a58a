using Tracker.Core.Amounts;
using Tracker.Core.Offers;

namespace Tracker.Core.Clicks;

/// <summary>Revenue booked the moment a visitor is sent to an offer: only CPC offers with a fixed payout earn on the click.</summary>
public static class ClickRevenue
{
    /// <summary>The offer's CPC payout in the base currency; zero (with the reason) when it cannot be converted.</summary>
    public static Money For(Offer offer, ExchangeRates rates, out string? problem)
    {
        problem = null;
        if (offer.PayoutType != PayoutType.Cpc || offer.PayoutAuto || offer.PayoutMicros <= 0)
            return Money.Zero(rates.BaseCurrency);
        if (rates.TryConvertToBase(offer.Payout, out var converted, out var error))
            return converted;
        problem = $"CPC revenue not recorded: {error}";
        return Money.Zero(rates.BaseCurrency);
    }
}
