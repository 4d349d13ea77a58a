using Tracker.Core.Conversions;

namespace Tracker.Web.Conversions;

/// <summary>Which received postbacks to list.</summary>
public sealed record PostbackFilter(string? SubId = null, PostbackOutcome? Outcome = null);
