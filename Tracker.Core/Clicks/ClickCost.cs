using Tracker.Core.Amounts;

namespace Tracker.Core.Clicks;

/// <summary>A click's cost in the base currency, as reports count it: converted once, at the click's time.</summary>
public static class ClickCost
{
    /// <summary>The cost in micro-units of the base currency; 0 (with a trace line) when there is no rate for its currency.</summary>
    public static long InBase(Money cost, ExchangeRates rates, DecisionTrace trace)
    {
        if (cost.Micros == 0) return 0;
        if (rates.TryConvertToBase(cost, out var converted, out var error)) return converted.Micros;
        trace.Add($"Cost not counted in reports: {error}");
        return 0;
    }
}
