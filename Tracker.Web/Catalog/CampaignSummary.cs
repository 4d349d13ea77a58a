using Tracker.Core.Offers;

namespace Tracker.Web.Catalog;

/// <summary>A campaign in a picker or a filter.</summary>
public sealed record CampaignSummary(int Id, string Name, string Alias, ItemState State);
