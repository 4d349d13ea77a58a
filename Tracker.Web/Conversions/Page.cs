namespace Tracker.Web.Conversions;

/// <summary>A page of rows and how many match in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Rows, int Total);
