namespace Tracker.Core.Reports;

/// <summary>One rebill as reports see it: when it arrived, what it added, whether the network took it back.</summary>
public readonly record struct RebillFact(DateTime AtUtc, long RevenueMicros, bool Rejected);
