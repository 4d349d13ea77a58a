namespace Tracker.Core.Validation;

/// <summary>IANA time zones known to the machine, for pickers and validation.</summary>
public static class TimeZones
{
    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Select(z => TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : z.Id)
            .Append("UTC")
            .Where(id => id.Contains('/') || id == "UTC")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<string> All => Ids.Value;

    public static bool IsValid(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static TimeZoneInfo Find(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
