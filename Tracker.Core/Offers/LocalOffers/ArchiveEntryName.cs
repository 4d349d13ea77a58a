using System.Text;

namespace Tracker.Core.Offers.LocalOffers;

/// <summary>
/// Decides whether a name inside an uploaded archive (or a path requested under <c>/lo/</c>) is a plain
/// relative path that stays inside its folder. Anything a file system could read as "elsewhere" is refused,
/// rather than repaired: an archive that tries it is hostile or broken, either way not worth guessing about.
/// </summary>
public static class ArchiveEntryName
{
    /// <summary>Longest file or folder name most file systems accept (bytes of UTF-8).</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>Longest relative path accepted.</summary>
    public const int MaxPathLength = 1024;

    /// <summary>
    /// Null when <paramref name="name"/> is acceptable, otherwise why not, in words for the uploader.
    /// A trailing slash (a folder entry) is allowed; everything else must be a clean relative path.
    /// </summary>
    public static string? Problem(string name)
    {
        if (string.IsNullOrEmpty(name)) return "has an empty name";
        if (name.Length > MaxPathLength) return $"has a name longer than {MaxPathLength} characters";
        foreach (var c in name)
        {
            if (char.IsControl(c)) return "has a control character in its name";
            // Format characters (bidi overrides, zero-width joiners) make a name display as something it is not.
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) return "has an invisible formatting character in its name";
        }
        if (name.Contains('\\')) return "uses a backslash (\\) in its path; zip paths use /";
        if (name.StartsWith('/')) return "has an absolute path";
        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':') return "starts with a drive letter";
        if (name.Contains(':')) return "has a colon (:) in its name";

        var trimmed = name.EndsWith('/') ? name[..^1] : name;
        if (trimmed.Length == 0) return "has an empty name";
        foreach (var segment in trimmed.Split('/'))
        {
            if (segment.Length == 0) return "has an empty folder name (//) in its path";
            if (segment is "." or "..") return "points outside its folder (. or .. in the path)";
            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes) return $"has a file or folder name longer than {MaxSegmentBytes} bytes";
        }
        return null;
    }

    /// <summary>The key under which two names count as the same file on a case-insensitive or normalizing file system.</summary>
    public static string CollisionKey(string path) =>
        path.Normalize(NormalizationForm.FormC).ToUpperInvariant();
}
