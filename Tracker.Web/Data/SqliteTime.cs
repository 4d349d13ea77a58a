namespace Tracker.Web.Data;

/// <summary>
/// How times are stored (UTC), exactly as EF Core's SQLite provider writes them, so rows written
/// through SQLite's own API read back through EF Core and text order is time order.
/// </summary>
public static class SqliteTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
}
