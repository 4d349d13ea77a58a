using Tracker.Core.Offers;

namespace Tracker.Web.Catalog;

/// <summary>An offer in a picker.</summary>
public sealed record OfferSummary(int Id, string Name, ItemState State, int? GroupId, List<string> Countries);
