using Microsoft.Data.Sqlite;
using Tracker.Web.Data;

namespace Tracker.Tests.Integration;

/// <summary>The one reading of SQLite's result codes, against real SQLite failures, bare and wrapped.</summary>
public sealed class SqliteErrorsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tracker-sqlite-errors-{Guid.NewGuid():N}.db");

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_path};Pooling=False;Default Timeout=1");
        connection.Open();
        return connection;
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void ADuplicateInAUniqueIndexIsAUniqueViolationOfThatColumnOnly()
    {
        using var db = Open();
        Run(db, "CREATE TABLE campaigns (Id INTEGER PRIMARY KEY, Alias TEXT NOT NULL UNIQUE, Name TEXT NOT NULL UNIQUE); INSERT INTO campaigns (Alias, Name) VALUES ('a', 'n');");

        var ex = Assert.Throws<SqliteException>(() => Run(db, "INSERT INTO campaigns (Alias, Name) VALUES ('a', 'other')"));
        var wrapped = new InvalidOperationException("An error occurred while saving the entity changes.", ex);

        Assert.True(SqliteErrors.IsUniqueViolation(wrapped, "campaigns.Alias"));
        Assert.False(SqliteErrors.IsUniqueViolation(wrapped, "campaigns.Name"));
        Assert.True(SqliteErrors.IsConstraint(wrapped));
        Assert.False(SqliteErrors.IsBusy(wrapped));
    }

    [Fact]
    public void ANotNullRefusalIsAConstraintButNoUniqueViolation()
    {
        using var db = Open();
        Run(db, "CREATE TABLE t (Name TEXT NOT NULL UNIQUE)");

        var ex = Assert.Throws<SqliteException>(() => Run(db, "INSERT INTO t (Name) VALUES (NULL)"));

        Assert.True(SqliteErrors.IsConstraint(ex));
        Assert.False(SqliteErrors.IsUniqueViolation(ex));
    }

    [Fact]
    public void AWriteWhileAnotherConnectionHoldsTheWriteLockIsBusy()
    {
        using (var setup = Open()) Run(setup, "PRAGMA journal_mode=WAL; CREATE TABLE t (x INTEGER);");
        using var holder = Open();
        Run(holder, "BEGIN IMMEDIATE");
        using var writer = Open();
        Run(writer, "PRAGMA busy_timeout=0");

        var ex = Assert.Throws<SqliteException>(() => Run(writer, "INSERT INTO t VALUES (1)"));

        Assert.True(SqliteErrors.IsBusy(new InvalidOperationException("wrapped", ex)));
        Assert.False(SqliteErrors.IsConstraint(ex));
        Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, SqliteErrors.Code(ex));
    }

    [Fact]
    public void AWriteToADatabaseOpenedReadOnlyIsADiskProblemAndAConstraintIsNot()
    {
        using (var setup = Open()) Run(setup, "CREATE TABLE t (Name TEXT NOT NULL UNIQUE); INSERT INTO t VALUES ('a');");
        using var readOnly = new SqliteConnection($"Data Source={_path};Mode=ReadOnly;Pooling=False");
        readOnly.Open();

        var refused = Assert.Throws<SqliteException>(() => Run(readOnly, "INSERT INTO t VALUES ('b')"));
        using var writer = Open();
        var duplicate = Assert.Throws<SqliteException>(() => Run(writer, "INSERT INTO t VALUES ('a')"));

        Assert.Contains("read-only", SqliteErrors.DiskProblem(new InvalidOperationException("wrapped", refused)));
        Assert.Null(SqliteErrors.DiskProblem(duplicate));
        Assert.Null(SqliteErrors.DiskProblem(new TimeoutException()));
    }

    [Fact]
    public void AnExceptionWithoutSqliteInItHasNoCode()
    {
        Assert.Null(SqliteErrors.Code(new InvalidOperationException("no database here")));
        Assert.False(SqliteErrors.IsBusy(new TimeoutException()));
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }
}
