namespace Tracker.Core.Reports;

public sealed record ReportRow(IReadOnlyList<ReportKey> Keys, ReportCounters Counters);
