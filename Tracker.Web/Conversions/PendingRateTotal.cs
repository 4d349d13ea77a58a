using Tracker.Core.Amounts;

namespace Tracker.Web.Conversions;

/// <summary>How many conversions wait for one currency's exchange rate, and how much they stated.</summary>
public sealed record PendingRateTotal(string Currency, int Conversions, long PendingMicros)
{
    public Money Amount => new(PendingMicros, Currency);
}
