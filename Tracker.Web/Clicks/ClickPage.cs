namespace Tracker.Web.Clicks;

public sealed record ClickPage(IReadOnlyList<ClickRow> Rows, bool HasOlder)
{
    public ClickCursor? Next => Rows.Count == 0 ? null : new ClickCursor(Rows[^1].CreatedAt, Rows[^1].Id);
}
