namespace Tracker.Web.Catalog;

public enum OfferSort
{
    Name,
    Id,
    Updated,
    Payout,
}
