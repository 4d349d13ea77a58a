namespace Tracker.Core.Conversions;

/// <summary>The result of applying a decision: the conversion to save and the transaction row to insert, if any.</summary>
public sealed record AppliedPostback(
    Conversion Conversion,
    ConversionTransaction? NewTransaction,
    bool CountedTowardCapBefore,
    bool CountedTowardCapAfter);
