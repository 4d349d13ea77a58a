namespace Tracker.Web.Components.Pages.Reports;

/// <summary>The date ranges the Reports page offers; all but <see cref="Custom"/> move with the calendar.</summary>
public enum DatePreset { Today, Yesterday, Last7Days, ThisMonth, LastMonth, Custom }
