using Tracker.Core.Clicks;

namespace Tracker.Core.Campaigns;

/// <summary>The response decided for a click: its kind, the stream's text, or the rendered redirect.</summary>
public readonly record struct ClickResponse(ClickResponseKind Kind, string? Text = null, RedirectResponse? Redirect = null);
