namespace Tracker.Core.Reports;

/// <summary>A report request as text, exactly as a client sent it (the API's field names); parsed by <see cref="ReportRequestValidator.Parse"/>.</summary>
/// <param name="Filters">Filter name → value as text; null when the value was not a string or a number (an object, an array, true…).</param>
public sealed record ReportRequestInput(
    string? From,
    string? To,
    string? TimeZone,
    IReadOnlyList<string?>? GroupBy,
    IReadOnlyDictionary<string, string?>? Filters,
    string? Attribution,
    string? SortBy,
    bool? SortDescending,
    int? Limit);
