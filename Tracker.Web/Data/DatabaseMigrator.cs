using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracker.Web.Options;

namespace Tracker.Web.Data;

/// <summary>
/// Brings the database to the current schema at start-up: backs the file up when migrations are
/// pending, migrates, restores the backup and stops the process on failure. Turns WAL on.
/// Never EnsureCreated: every schema change is a migration.
/// </summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<TrackerDbContext> contextFactory,
    IOptions<TrackerOptions> options,
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var dbPath = options.Value.DatabasePath;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            await EnableWalAsync(db, cancellationToken);
            return;
        }

        string? backup = null;
        if (File.Exists(dbPath) && new FileInfo(dbPath).Length > 0)
        {
            backup = Backup(dbPath, "pre-migration");
            logger.LogInformation("Backed up {Database} to {Backup} before applying {Count} migration(s)", dbPath, backup, pending.Count);
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Applied migrations: {Migrations}", string.Join(", ", pending));
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "Migration failed; the database is restored from {Backup}", backup ?? "(no backup: new database)");
            SqliteConnection.ClearAllPools();
            if (backup is not null)
                Restore(backup, dbPath);
            throw;
        }

        await EnableWalAsync(db, cancellationToken);
    }

    private static async Task EnableWalAsync(TrackerDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

    /// <summary>An online copy through SQLite's backup API (safe while the database is in use).</summary>
    public string Backup(string dbPath, string reason)
    {
        var dir = Path.Combine(options.Value.FullDataDirectory, "backups");
        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, $"tracker-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{reason}.db");
        using var source = new SqliteConnection($"Data Source={dbPath};Pooling=False");
        using var destination = new SqliteConnection($"Data Source={target};Pooling=False");
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
        return target;
    }

    private static void Restore(string backup, string dbPath)
    {
        foreach (var suffix in new[] { "-wal", "-shm" })
            File.Delete(dbPath + suffix);
        File.Copy(backup, dbPath, overwrite: true);
    }
}
