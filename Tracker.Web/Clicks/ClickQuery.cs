namespace Tracker.Web.Clicks;

/// <summary>
/// Filters and position of the recent-clicks list. Paging is by position (keyset), never by
/// offset or a total count, so the newest page stays instant on a table with millions of clicks.
/// </summary>
/// <param name="SubId">Exact subid (case and surrounding spaces ignored).</param>
/// <param name="Before">Show clicks older than this one (the last row of the previous page).</param>
/// <param name="Bots">True: bots only; false: people only; null: both.</param>
public sealed record ClickQuery(string? SubId = null, int? CampaignId = null, ClickCursor? Before = null, int Take = 50, bool? Bots = null);
