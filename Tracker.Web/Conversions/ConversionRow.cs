using Tracker.Core.Conversions;

namespace Tracker.Web.Conversions;

/// <summary>A conversion with the names of what it belongs to, for lists.</summary>
public sealed record ConversionRow(Conversion Conversion, string? OfferName, string? AffiliateNetworkName, string? CampaignName);
