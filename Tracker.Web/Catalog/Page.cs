namespace Tracker.Web.Catalog;

/// <summary>A page of a list plus the total count that matched the filters.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
