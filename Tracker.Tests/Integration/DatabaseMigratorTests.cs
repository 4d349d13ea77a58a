using Microsoft.Data.Sqlite;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Integration;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task PendingMigrationsAreAppliedAfterTheDatabaseIsBackedUp()
    {
        await using var app = new TrackerApplication();
        var db = Path.Combine(app.DataDirectory, "tracker.db");
        Execute(db, "CREATE TABLE keepsake (note TEXT); INSERT INTO keepsake VALUES ('before the upgrade');");

        _ = app.CreateClient();

        var backup = Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "backups"), "*-pre-migration.db"));
        Assert.Equal("before the upgrade", Scalar(backup, "SELECT note FROM keepsake"));
        Assert.Equal(0L, Scalar(backup, "SELECT count(*) FROM sqlite_master WHERE name = 'offers'"));
        Assert.Equal(1L, Scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'offers'"));
    }

    [Fact]
    public async Task FailedMigrationLeavesTheDatabaseAsItWasAndStopsTheStart()
    {
        await using var app = new TrackerApplication();
        var db = Path.Combine(app.DataDirectory, "tracker.db");
        // A table in the way makes the first migration fail half-way.
        Execute(db, "CREATE TABLE keepsake (note TEXT); INSERT INTO keepsake VALUES ('still here');" +
                    "CREATE TABLE offers (something_else TEXT);");

        Assert.ThrowsAny<Exception>(() => app.CreateClient());

        SqliteConnection.ClearAllPools();
        Assert.Equal("still here", Scalar(db, "SELECT note FROM keepsake"));
        Assert.Equal(0L, Scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'"));
        Assert.Equal(0L, Scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'affiliate_networks'"));
    }

    private static void Execute(string path, string sql)
    {
        using var conn = new SqliteConnection($"Data Source={path};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(string path, string sql)
    {
        using var conn = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
