using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Tracker.Web.Data;

/// <summary>
/// What the writers need from SQLite beyond Microsoft.Data.Sqlite, at the lowest cost per call: the
/// process-wide threading mode, and binding values to a prepared statement (click rows, shared trace
/// sentences, rollup upserts) without the safe-handle reference counting and GC transition that
/// every SQLitePCL call pays (about a tenth of the click writer's time in a <c>perf</c> profile, with
/// some 30 bound values per click).
/// </summary>
/// <remarks>
/// The bind functions call the same <c>e_sqlite3</c> library SQLitePCL loaded. They skip the GC
/// transition: binding copies a few bytes and never calls back into .NET. The caller keeps the
/// statement alive and uses it on one thread, which the writers do anyway.
/// </remarks>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";
    private static readonly nint Transient = -1; // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns
    private static int _configured;

    /// <summary>
    /// Puts SQLite in multi-thread mode (no lock per call on a connection; each connection is used by
    /// one thread at a time, which EF Core, Microsoft.Data.Sqlite's pool and the writer threads all
    /// guarantee) without memory statistics (a global lock per allocation). Must run before the first
    /// connection opens; later it changes nothing. True when SQLite took both settings.
    /// </summary>
    public static bool ConfigureProcess()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return MultiThread;
        Batteries_V2.Init();
        var threading = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        var statistics = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        MultiThread = threading == raw.SQLITE_OK && statistics == raw.SQLITE_OK;
        return MultiThread;
    }

    /// <summary>True once <see cref="ConfigureProcess"/> ran in time (before any connection) and SQLite took its settings.</summary>
    public static bool MultiThread { get; private set; }

    public static int BindInt64(sqlite3_stmt statement, int index, long value) =>
        sqlite3_bind_int64(statement.DangerousGetHandle(), index, value);

    public static int BindNull(sqlite3_stmt statement, int index) =>
        sqlite3_bind_null(statement.DangerousGetHandle(), index);

    /// <summary>Binds UTF-8 text; an empty span binds the empty string, never NULL.</summary>
    public static int BindText(sqlite3_stmt statement, int index, ReadOnlySpan<byte> utf8)
    {
        // A null pointer would bind NULL: pin a real byte behind an empty value.
        fixed (byte* text = utf8.IsEmpty ? EmptyText : utf8)
            return sqlite3_bind_text(statement.DangerousGetHandle(), index, text, utf8.Length, Transient);
    }

    private static ReadOnlySpan<byte> EmptyText => [0];

    [LibraryImport(Library), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_bind_int64(nint statement, int index, long value);

    [LibraryImport(Library), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_bind_null(nint statement, int index);

    [LibraryImport(Library), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_bind_text(nint statement, int index, byte* text, int length, nint destructor);
}
