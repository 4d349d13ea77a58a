using Tracker.Core.Clicks;

namespace Tracker.Web.Clicks;

/// <summary>A click with everything recorded on it and the names of what it refers to.</summary>
public sealed record ClickWithNames(Click Click, string? CampaignName, string? StreamName, string? OfferName, string? NetworkName);
