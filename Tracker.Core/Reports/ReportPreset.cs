using Tracker.Core.Validation;

namespace Tracker.Core.Reports;

/// <summary>
/// A saved report: a name and the Reports page's address query (groupings, filters, range, columns…),
/// so a report the affiliate looks at every day is one click away.
/// </summary>
public sealed class ReportPreset
{
    public const int MaxNameLength = 100;
    public const int MaxQueryLength = 2000;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The query string of /admin/reports without the '?', e.g. <c>range=last7days&amp;group=offer,country</c>.</summary>
    public string Query { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public static ValidationErrors Validate(string? name, string? query)
    {
        var errors = new ValidationErrors();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) errors.Add("name", "Give the preset a name, e.g. 'Offers by country, last 7 days'.");
        else if (trimmed.Length > MaxNameLength) errors.Add("name", $"The name is {trimmed.Length} characters long; at most {MaxNameLength}.");
        if ((query ?? "").Length > MaxQueryLength) errors.Add("query", $"This report's address is too long to save (over {MaxQueryLength} characters); remove a filter.");
        return errors;
    }
}
