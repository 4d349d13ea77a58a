using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tracker.Web.Options;

namespace Tracker.Web.Backups;

/// <summary>
/// Online backups of the live database through SQLite's backup API (never a file copy: the database is
/// in WAL mode and being written), each checked with <c>PRAGMA integrity_check</c>, the newest
/// <see cref="BackupOptions.Keep"/> kept. Scheduled by <see cref="BackupScheduler"/>, on demand from
/// Settings and <c>POST /api/v1/backups</c>. Restoring is an operator's step (docs/operations.md).
/// </summary>
public sealed partial class BackupService(
    IOptions<TrackerOptions> tracker,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ILogger<BackupService> logger)
{
    public const string Scheduled = "scheduled";
    public const string Manual = "manual";

    private const string CheckSuffix = ".check";

    private readonly SemaphoreSlim _one = new(1, 1);

    public string Directory => Path.Combine(tracker.Value.FullDataDirectory, "backups");

    /// <summary>The schedule and retention in force (for the Settings panel).</summary>
    public BackupOptions Options => options.Value;

    /// <summary>Backs the database up now, checks the copy and prunes old backups. One backup runs at a time.</summary>
    public async Task<BackupInfo> CreateAsync(string reason, CancellationToken ct = default)
    {
        await _one.WaitAsync(ct);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var now = clock.GetUtcNow().UtcDateTime;
            var name = FreeName(now, reason);
            var target = Path.Combine(Directory, name);
            var partial = target + ".partial";
            // The backup API copies page by page while writers go on; it is synchronous, so off the request thread.
            await Task.Run(() =>
            {
                using var source = new SqliteConnection($"Data Source={tracker.Value.DatabasePath};Mode=ReadOnly;Pooling=False");
                using var destination = new SqliteConnection($"Data Source={partial};Pooling=False");
                source.Open();
                destination.Open();
                source.BackupDatabase(destination);
            }, ct);
            // Checked before it gets its name, so a listed backup always has its check result.
            var integrity = await Task.Run(() => Check(partial), ct);
            await File.WriteAllTextAsync(target + CheckSuffix, integrity, ct);
            File.Move(partial, target);
            var info = Describe(new FileInfo(target))!;
            if (info.IsIntact)
                logger.LogInformation("Backup {Name} written ({Bytes} bytes), integrity_check ok", name, info.SizeBytes);
            else
                logger.LogError("Backup {Name} failed integrity_check: {Integrity}", name, integrity);
            Prune();
            return info;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Every backup, newest first.</summary>
    public IReadOnlyList<BackupInfo> List()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        return new DirectoryInfo(Directory).EnumerateFiles("tracker-*.db")
            .Select(Describe).OfType<BackupInfo>()
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => Sequence(b.Name))
            .ToList();
    }

    /// <summary>The full path of a backup by its file name; null for anything that is not one (no paths, no other files).</summary>
    public string? PathOf(string name)
    {
        if (!FileName().IsMatch(name)) return null;
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>When the newest scheduled or on-demand backup was made, if any.</summary>
    public DateTime? LastBackupAt() =>
        List().Where(b => b.Reason is Scheduled or Manual).Select(b => (DateTime?)b.CreatedAt).FirstOrDefault();

    private static string Check(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(0));
        return string.Join("; ", lines);
    }

    private string FreeName(DateTime now, string reason)
    {
        var stamp = now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = $"tracker-{stamp}-{reason}.db";
        for (var n = 2; File.Exists(Path.Combine(Directory, name)); n++)
            name = $"tracker-{stamp}-{n}-{reason}.db";
        return name;
    }

    private BackupInfo? Describe(FileInfo file)
    {
        var match = FileName().Match(file.Name);
        if (!match.Success) return null;
        var created = DateTime.ParseExact(match.Groups["stamp"].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var check = file.FullName + CheckSuffix;
        var integrity = File.Exists(check) ? File.ReadAllText(check).Trim() : "";
        return new BackupInfo(file.Name, created, file.Length, match.Groups["reason"].Value, integrity);
    }

    /// <summary>Keeps the newest backups this service made; pre-migration copies are the upgrade's own and stay.</summary>
    private void Prune()
    {
        foreach (var old in List().Where(b => b.Reason is Scheduled or Manual).Skip(options.Value.Keep))
        {
            var path = Path.Combine(Directory, old.Name);
            File.Delete(path);
            File.Delete(path + CheckSuffix);
            logger.LogInformation("Backup {Name} deleted: only the newest {Keep} are kept", old.Name, options.Value.Keep);
        }
    }

    /// <summary>Backups made within the same second are numbered -2, -3, …; the plain name is the first.</summary>
    private static int Sequence(string name) =>
        FileName().Match(name).Groups["n"] is { Success: true } n ? int.Parse(n.Value, CultureInfo.InvariantCulture) : 1;

    [GeneratedRegex(@"^tracker-(?<stamp>\d{8}-\d{6})(-(?<n>\d+))?-(?<reason>[a-z]+(-[a-z]+)*)\.db$")]
    private static partial Regex FileName();
}
