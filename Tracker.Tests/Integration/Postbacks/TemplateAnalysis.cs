namespace Tracker.Tests.Integration.Postbacks;

/// <summary>
/// The template read the way the network and the affiliate use it. Invalid templates carry the
/// reasons, and plays that show how the tracker handles the defect (a clear refusal, or the
/// documented fallback) rather than being skipped.
/// </summary>
public sealed record TemplateAnalysis(
    NetworkTemplate Template,
    IReadOnlyList<string> InvalidReasons,
    IReadOnlyList<string> Notes,
    bool AutoPayout,
    Func<string, int, IReadOnlyList<Play>> Plays)
{
    /// <summary>Stands for the subid in <see cref="Plays"/>' queries; each play replaces it with a fresh click's subid.</summary>
    public const string SubIdSlot = "subidslotforaclick";

    public bool IsValid => InvalidReasons.Count == 0;
}
