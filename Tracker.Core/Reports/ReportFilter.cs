namespace Tracker.Core.Reports;

/// <summary>One filter: a dimension and the value it must equal (an id as text for id dimensions; a string otherwise; empty = unknown/none).</summary>
public sealed record ReportFilter(ReportDimension Dimension, string Value);
