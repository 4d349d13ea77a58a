namespace Tracker.Web.Clicks;

/// <summary>Where a page ended: the time and id of its last (oldest) click.</summary>
public sealed record ClickCursor(DateTime CreatedAt, long Id);
