using System.IO.Compression;
using Tracker.Core.Offers.LocalOffers;

namespace Tracker.Web.LocalOffers;

/// <summary>
/// Extracts an uploaded zip into a folder that must not exist yet, following an <see cref="ArchivePlan"/>
/// and counting real bytes with an <see cref="ExtractionBudget"/>. Nothing is written outside that folder;
/// on a refusal the caller deletes the folder.
/// </summary>
public static class LocalOfferExtractor
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static async Task<ExtractionResult> ExtractAsync(string zipPath, string targetFolder, LocalOfferLimits limits, CancellationToken ct)
    {
        await using var file = new FileStream(zipPath, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        if (file.Length > limits.MaxArchiveBytes)
            return ExtractionResult.Refused($"The archive is {ExtractionBudget.Format(file.Length)}; the limit is {ExtractionBudget.Format(limits.MaxArchiveBytes)}.");

        var declared = await DeclaredEntryCountAsync(file, ct);
        if (declared is null)
            return ExtractionResult.Refused("This file is not a zip archive.");
        if (declared > limits.MaxFiles)
            return ExtractionResult.Refused($"The archive has {declared} entries; at most {limits.MaxFiles} are allowed.");

        try
        {
            file.Position = 0;
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            var plan = ArchivePlan.Create(
                entries.Select((e, i) => new ArchiveEntryInfo(i, e.FullName, e.ExternalAttributes, e.CompressedLength)).ToList(),
                limits);
            if (!plan.IsAccepted) return ExtractionResult.Refused(plan.Problems);

            var encrypted = plan.Files.FirstOrDefault(f => entries[f.Index].IsEncrypted);
            if (encrypted is not null)
                return ExtractionResult.Refused($"'{encrypted.Path}' is password-protected; upload an archive without a password.");

            var root = Path.GetFullPath(targetFolder);
            CreateFolder(root);
            foreach (var folder in plan.Directories)
                CreateFolder(Inside(root, folder));

            var budget = new ExtractionBudget(limits);
            var written = new List<LocalOfferFile>(plan.Files.Count);
            var buffer = new byte[81920];
            foreach (var planned in plan.Files)
            {
                var (bytes, problem) = await CopyEntryAsync(entries[planned.Index], Inside(root, planned.Path), planned, budget, buffer, ct);
                if (problem is not null) return ExtractionResult.Refused(problem);
                written.Add(new LocalOfferFile(planned.Path, bytes));
            }
            return new ExtractionResult(plan, written, []);
        }
        catch (InvalidDataException ex)
        {
            return ExtractionResult.Refused($"The archive is damaged or uses an unsupported format: {ex.Message}");
        }
        catch (NotSupportedException ex)
        {
            return ExtractionResult.Refused($"The archive uses an unsupported compression method: {ex.Message}");
        }
    }

    private static async Task<(long Bytes, string? Problem)> CopyEntryAsync(
        ZipArchiveEntry entry, string destination, PlannedFile planned, ExtractionBudget budget, byte[] buffer, CancellationToken ct)
    {
        await using var input = entry.Open();
        // CreateNew never follows or overwrites anything already there; the mode carries no execute bits.
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        await using var output = new FileStream(destination, options);
        long total = 0;
        var crc = ZipCrc32.Initial;
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            var problem = budget.Add(planned.Path, read, total, planned.CompressedLength);
            if (problem is not null) return (total, problem);
            crc = ZipCrc32.Update(crc, buffer.AsSpan(0, read));
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        if (total != entry.Length || ZipCrc32.Finish(crc) != entry.Crc32)
            return (total, $"The archive is damaged: '{planned.Path}' does not match the size and checksum the archive records for it.");
        return (total, null);
    }

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>, refusing anything that would land elsewhere.</summary>
    public static string Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Join(root, relative));
        // The separator matters: "/offers/abc-evil" starts with "/offers/abc" but is not inside it.
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidDataException($"'{relative}' would be written outside the offer's folder.");
        return full;
    }

    private static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, FolderMode);
    }

    private static async Task<int?> DeclaredEntryCountAsync(FileStream file, CancellationToken ct)
    {
        var length = (int)Math.Min(file.Length, ZipDirectoryProbe.TailLength);
        var tail = new byte[length];
        file.Position = file.Length - length;
        await file.ReadExactlyAsync(tail, ct);
        return ZipDirectoryProbe.DeclaredEntryCount(tail);
    }
}
