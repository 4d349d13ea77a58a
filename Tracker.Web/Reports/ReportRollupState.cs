namespace Tracker.Web.Reports;

/// <summary>
/// Which zone the day rollups are in, and how far they are built. Writers add to day rows only for
/// days before <see cref="DayBuiltUntil"/>; the rebuilder builds the days after it from the quarter
/// rows, a few at a time, so clicks are never held up. Reports read day rows only when complete.
/// </summary>
public sealed class ReportRollupState
{
    /// <summary><see cref="DayBuiltUntil"/> of a database whose rollups were never built: the start-up builds them from the raw rows.</summary>
    public const long NeverBuilt = -1;

    public int Id { get; set; }

    /// <summary>IANA zone of the day rows; null while none are valid.</summary>
    public string? DayZone { get; set; }

    /// <summary>Day rows exist for every day whose first quarter is before this one; <see cref="long.MaxValue"/> once complete.</summary>
    public long DayBuiltUntil { get; set; }

    /// <summary>
    /// The newest click whose counts are in the rollups: every click up to this id is counted, none
    /// after it. The click writer adds clicks to the rollups a few times a second, not per commit, and
    /// moves this mark with them; after a crash the start-up counts the clicks after it
    /// (<see cref="RollupBuilder.CatchUpAsync"/>).
    /// </summary>
    public long ClicksThrough { get; set; }
}
