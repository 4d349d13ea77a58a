namespace Tracker.Core.Reports;

/// <summary>One group key of a row: for id dimensions <see cref="Value"/> is the id ("" for none) and <see cref="Label"/> its name; for time dimensions the period's start in the report's zone ("2026-11-29", "2026-11-29 14:00", "2026-W48", "2026-11").</summary>
public sealed record ReportKey(ReportDimension Dimension, string Value, string Label);
