using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Tracker.Web.Data;

/// <summary>
/// What a failed SQLite write means, whether the <see cref="SqliteException"/> arrives bare or wrapped
/// (EF Core's <c>DbUpdateException</c>): the one place the tracker reads SQLite's result codes.
/// </summary>
public static class SqliteErrors
{
    /// <summary>The primary result code of the first <see cref="SqliteException"/> in the chain, or null when none.</summary>
    public static int? Code(Exception ex) => Find(ex)?.SqliteErrorCode;

    /// <summary>Another writer held the database past <c>busy_timeout</c>: transient, worth a retry later (503).</summary>
    public static bool IsBusy(Exception ex) => Code(ex) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED;

    /// <summary>A constraint (unique, foreign key, check, not null) refused the write.</summary>
    public static bool IsConstraint(Exception ex) => Code(ex) == raw.SQLITE_CONSTRAINT;

    /// <summary>A unique index refused the write; with <paramref name="column"/> (<c>table.Column</c>), only that index's.</summary>
    public static bool IsUniqueViolation(Exception ex, string? column = null) =>
        Find(ex) is { SqliteExtendedErrorCode: raw.SQLITE_CONSTRAINT_UNIQUE } sqlite
        && (column is null || sqlite.Message.Contains(column, StringComparison.Ordinal));

    /// <summary>The words for a write that failed because of the disk (full, read-only, I/O, cannot open); null for any other failure.</summary>
    public static string? DiskProblem(Exception ex) => (Code(ex) & 0xFF) switch
    {
        raw.SQLITE_FULL => "the disk is full",
        raw.SQLITE_READONLY => "the database is read-only (is the disk mounted read-only, or the file's permissions changed?)",
        raw.SQLITE_IOERR => "the disk could not be written (I/O error)",
        raw.SQLITE_CANTOPEN => "the database file cannot be opened for writing",
        _ => null,
    };

    private static SqliteException? Find(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is SqliteException sqlite) return sqlite;
        return null;
    }
}
