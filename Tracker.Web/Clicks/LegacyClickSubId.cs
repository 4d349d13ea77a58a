namespace Tracker.Web.Clicks;

/// <summary>
/// A subid issued before subids carried their click's time to the sixteenth of a second, kept so a
/// postback or a search for it still finds its click (see <see cref="ClickSubIds"/>). Filled once,
/// by the migration that dropped the index on <c>clicks.SubId</c>; new clicks never add rows.
/// </summary>
public sealed class LegacyClickSubId
{
    public string SubId { get; set; } = "";
    public long ClickId { get; set; }
}
