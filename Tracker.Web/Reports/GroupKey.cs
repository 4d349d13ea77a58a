namespace Tracker.Web.Reports;

/// <summary>A group's key: one code per grouping level (a period index, an id, or an interned text).</summary>
internal readonly record struct GroupKey(long A, long B, long C)
{
    public long this[int level] => level switch { 0 => A, 1 => B, _ => C };
}
