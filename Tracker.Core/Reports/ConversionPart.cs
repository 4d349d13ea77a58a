namespace Tracker.Core.Reports;

/// <summary>A share of a conversion's counters and the time it counts at under conversion-time attribution.</summary>
public readonly record struct ConversionPart(DateTime AtUtc, ReportCounters Counters);
