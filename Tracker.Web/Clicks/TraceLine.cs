namespace Tracker.Web.Clicks;

/// <summary>
/// A decision-trace sentence that many clicks share ("Regular stream "Rest of world" (#3) matched…"),
/// stored once: a click's stored trace names it by <see cref="Id"/> instead of repeating its text
/// (<see cref="TraceLines"/>). Rows are only ever added, never changed or deleted, so a stored trace
/// always reads back the same.
/// </summary>
public sealed class TraceLine
{
    public long Id { get; set; }
    public string Text { get; set; } = "";
}
