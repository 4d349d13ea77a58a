using Tracker.Core.Security;

namespace Tracker.Core.Clicks;

/// <summary>
/// The click identifier networks echo back in their postbacks: 26 lowercase base32 characters
/// (128 random bits), because networks lowercase and truncate the sub parameters they store.
/// </summary>
public static class SubId
{
    public const int MaxLength = 26;

    public static string New() => SecureToken.Create();

    /// <summary>Lowercase letters and digits, 1–26 characters: the shape any subid we issued has.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > MaxLength) return false;
        foreach (var c in value)
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
                return false;
        return true;
    }
}
