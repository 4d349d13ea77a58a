using Tracker.Core.Amounts;

namespace Tracker.Core.Conversions;

/// <summary>
/// Revenue that waited for an exchange rate becomes revenue once the rate exists: the conversion's
/// waiting amount is converted and added, each waiting postback row gets its share, and the
/// conversion no longer waits. The original payout and currency stay as they were stated.
/// </summary>
public static class PendingRate
{
    /// <summary>
    /// Converts the waiting part of <paramref name="conversion"/> (and of its <paramref name="transactions"/>)
    /// at <paramref name="rates"/>; false, changing nothing, when it waits for nothing or its currency still has no rate.
    /// </summary>
    /// <returns>The base-currency amount added to the conversion's revenue, or null when nothing changed.</returns>
    public static Money? TryConvert(Conversion conversion, IEnumerable<ConversionTransaction> transactions, ExchangeRates rates)
    {
        ArgumentNullException.ThrowIfNull(conversion);
        if (conversion.PendingCurrency is not { } currency) return null;
        if (!rates.TryConvertToBase(new Money(conversion.PendingMicros, currency), out var added, out _)) return null;

        conversion.RevenueMicros = checked(conversion.RevenueMicros + added.Micros);
        foreach (var transaction in transactions.Where(t => t.ConversionId == conversion.Id && t.PendingMicros != 0))
        {
            rates.TryConvertToBase(new Money(transaction.PendingMicros, currency), out var share, out _);
            transaction.RevenueMicros = checked(transaction.RevenueMicros + share.Micros);
            transaction.PendingMicros = 0;
        }
        conversion.PendingCurrency = null;
        conversion.PendingMicros = 0;
        return added;
    }
}
