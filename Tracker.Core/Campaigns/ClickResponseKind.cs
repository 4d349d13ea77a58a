namespace Tracker.Core.Campaigns;

/// <summary>What a visitor of a tracking link gets, as decided by <see cref="StreamActions.Respond"/>.</summary>
public enum ClickResponseKind
{
    /// <summary>An empty 200: no stream matched, the stream does nothing, or the offer could not be reached.</summary>
    Empty = 0,

    /// <summary>The stream's own text (Show text).</summary>
    Text = 1,

    /// <summary>A 404 page (the stream's action).</summary>
    NotFound = 2,

    /// <summary>A redirect to the offer (a 302 or a page, per the offer's redirect type).</summary>
    Redirect = 3,

    /// <summary>A local offer's entry page, served directly; its revenue is booked once the page is read.</summary>
    LocalPage = 4,
}
