using Tracker.Core.Offers;

namespace Tracker.Web.Catalog;

/// <summary>Filters, sort and paging of the offers list (UI and API).</summary>
public sealed record OfferQuery(
    string? Search = null,
    int? GroupId = null,
    int? AffiliateNetworkId = null,
    ItemState? State = ItemState.Active,
    OfferSort Sort = OfferSort.Name,
    bool Descending = false,
    int Skip = 0,
    int Take = 50);
