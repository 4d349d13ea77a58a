using System.Text.RegularExpressions;

namespace Tracker.Core.Campaigns;

/// <summary>
/// The path segment of a campaign link <c>/{alias}</c>: <c>[a-z0-9][a-z0-9_-]{1,63}</c>, and not a
/// word the tracker itself routes (<c>admin</c>, <c>api</c>, <c>lo</c>, <c>health</c>, anything from <c>_</c>).
/// </summary>
public static partial class CampaignAlias
{
    public const string Pattern = "^[a-z0-9][a-z0-9_-]{1,63}$";

    public static readonly IReadOnlyList<string> Reserved =
        ["admin", "api", "lo", "health", "_framework", "_blazor", "_content", "favicon.ico", "robots.txt"];

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    public static bool IsReserved(string alias) =>
        alias.StartsWith('_') || Reserved.Contains(alias, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="alias"/> can be a campaign link.</summary>
    public static bool IsValid(string? alias) => alias is not null && Shape().IsMatch(alias) && !IsReserved(alias);

    /// <summary>Why an alias cannot be used, or null when it can.</summary>
    public static string? Problem(string? alias)
    {
        if (string.IsNullOrEmpty(alias)) return "Enter an alias: it becomes the link /{alias}.";
        if (IsReserved(alias)) return $"'{alias}' is used by the tracker itself; choose another alias.";
        if (!Shape().IsMatch(alias))
            return "Use 2–64 lowercase letters, digits, '-' or '_', starting with a letter or digit.";
        return null;
    }
}
