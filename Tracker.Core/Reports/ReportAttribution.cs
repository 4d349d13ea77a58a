namespace Tracker.Core.Reports;

/// <summary>When a conversion counts: at its click's time (default, as Keitaro and Voluum) or at the conversion's own time.</summary>
public enum ReportAttribution { Click, Conversion }
