namespace Tracker.Core.Offers.LocalOffers;

/// <summary>
/// What to extract from an uploaded archive, decided from its directory alone before a byte is written:
/// either a plan, or every reason the archive is refused. The sizes it reads here are only the archive's
/// claims; <see cref="ExtractionBudget"/> counts what is really written.
/// </summary>
public sealed class ArchivePlan
{
    /// <summary>Entry pages looked for, in order, at the root or inside a single top folder.</summary>
    public static readonly string[] EntryPageNames = ["index.html", "index.htm"];

    private const int MaxReportedProblems = 10;

    private ArchivePlan(IReadOnlyList<PlannedFile> files, IReadOnlyList<string> directories, string entryPage, string strippedPrefix, IReadOnlyList<string> problems)
    {
        Files = files;
        Directories = directories;
        EntryPage = entryPage;
        StrippedPrefix = strippedPrefix;
        Problems = problems;
    }

    public IReadOnlyList<PlannedFile> Files { get; }

    /// <summary>Folders to create (parents of files included), shortest first.</summary>
    public IReadOnlyList<string> Directories { get; }

    /// <summary>The page visitors see, relative to the offer's folder (e.g. <c>index.html</c>).</summary>
    public string EntryPage { get; }

    /// <summary>The single top folder removed from every path (e.g. <c>landing/</c>), or empty.</summary>
    public string StrippedPrefix { get; }

    /// <summary>Why the archive is refused; empty when it may be extracted.</summary>
    public IReadOnlyList<string> Problems { get; }

    public bool IsAccepted => Problems.Count == 0;

    public static ArchivePlan Create(IReadOnlyList<ArchiveEntryInfo> entries, LocalOfferLimits limits)
    {
        var problems = new List<string>();
        void Refuse(string message)
        {
            if (problems.Count < MaxReportedProblems) problems.Add(message);
        }

        if (entries.Count > limits.MaxFiles)
            return Refused($"The archive has {entries.Count} entries; at most {limits.MaxFiles} are allowed.");

        var files = new List<ArchiveEntryInfo>();
        var directories = new List<string>();
        foreach (var entry in entries)
        {
            var problem = ArchiveEntryName.Problem(entry.Name);
            if (problem is not null)
            {
                Refuse($"'{Printable(entry.Name)}' {problem}.");
                continue;
            }
            switch (ArchiveEntryKinds.FromAttributes(entry.ExternalAttributes, entry.Name))
            {
                case ArchiveEntryKind.SymbolicLink:
                    Refuse($"'{entry.Name}' is a symbolic link; only regular files and folders are allowed.");
                    continue;
                case ArchiveEntryKind.Special:
                    Refuse($"'{entry.Name}' is a device, pipe or socket; only regular files and folders are allowed.");
                    continue;
                case ArchiveEntryKind.Directory:
                    if (!IsMacOsJunk(entry.Name)) directories.Add(entry.Name.TrimEnd('/'));
                    continue;
                case ArchiveEntryKind.File:
                    if (entry.Name.EndsWith('/'))
                    {
                        Refuse($"'{entry.Name}' is marked as a file but named like a folder.");
                        continue;
                    }
                    if (IsMacOsJunk(entry.Name)) continue;
                    if (ServerSideCode.IsServerSide(entry.Name))
                    {
                        Refuse($"'{entry.Name}' is server-side code, which Tracker never runs. Remove it (point forms at the network's URL instead) and upload again.");
                        continue;
                    }
                    files.Add(entry);
                    break;
            }
        }

        CheckCollisions(files, directories, Refuse);
        if (problems.Count > 0) return new ArchivePlan([], [], "", "", problems);
        if (files.Count == 0) return Refused("The archive contains no files.");

        var (entryPage, prefix) = FindEntryPage(files);
        if (entryPage is null)
            return Refused("No entry page: put index.html at the top of the archive, or inside one single top folder.");

        var planned = files
            .Select(f => new PlannedFile(f.Index, f.Name[prefix.Length..], f.CompressedLength))
            .ToList();
        var allDirectories = planned
            .SelectMany(f => Parents(f.Path))
            .Concat(directories
                .Where(d => (d + "/").StartsWith(prefix, StringComparison.Ordinal))
                .Select(d => (d + "/")[prefix.Length..].TrimEnd('/')))
            .Where(d => d.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(d => d.Length)
            .ToList();
        return new ArchivePlan(planned, allDirectories, entryPage[prefix.Length..], prefix, []);
    }

    private static ArchivePlan Refused(string message) => new([], [], "", "", [message]);

    /// <summary>Two names that one file system would store as one file, or a name used as file and folder.</summary>
    private static void CheckCollisions(List<ArchiveEntryInfo> files, List<string> directories, Action<string> refuse)
    {
        var fileKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            var key = ArchiveEntryName.CollisionKey(f.Name);
            if (fileKeys.TryGetValue(key, out var other))
                refuse(other == f.Name
                    ? $"'{f.Name}' appears twice in the archive."
                    : $"'{other}' and '{f.Name}' differ only in letter case, so they would overwrite each other.");
            else
                fileKeys[key] = f.Name;
        }
        var folderKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in directories.Concat(files.SelectMany(f => Parents(f.Name))))
            folderKeys.Add(ArchiveEntryName.CollisionKey(d));
        foreach (var (key, name) in fileKeys)
            if (folderKeys.Contains(key))
                refuse($"'{name}' is both a file and a folder in the archive.");
    }

    private static (string? EntryPage, string Prefix) FindEntryPage(List<ArchiveEntryInfo> files)
    {
        var root = FindIndex(files, "");
        if (root is not null) return (root, "");
        var tops = files.Select(f => f.Name.IndexOf('/') is var i and > 0 ? f.Name[..(i + 1)] : "").Distinct(StringComparer.Ordinal).ToList();
        if (tops.Count != 1 || tops[0].Length == 0) return (null, "");
        var nested = FindIndex(files, tops[0]);
        return nested is null ? (null, "") : (nested, tops[0]);
    }

    private static string? FindIndex(List<ArchiveEntryInfo> files, string folder)
    {
        foreach (var candidate in EntryPageNames)
        {
            var match = files.FirstOrDefault(f => string.Equals(f.Name, folder + candidate, StringComparison.OrdinalIgnoreCase));
            if (match is not null) return match.Name;
        }
        return null;
    }

    private static IEnumerable<string> Parents(string path)
    {
        for (var i = path.IndexOf('/'); i > 0; i = path.IndexOf('/', i + 1))
            yield return path[..i];
    }

    /// <summary>Finder's "Compress" adds resource forks and folder settings no web page uses.</summary>
    private static bool IsMacOsJunk(string name) =>
        name.StartsWith("__MACOSX/", StringComparison.Ordinal) || name == "__MACOSX/"
        || name.EndsWith("/.DS_Store", StringComparison.Ordinal) || name == ".DS_Store";

    private static string Printable(string name) =>
        new(name.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '?' : c).ToArray());
}
