namespace Tracker.Web.Components.Pages.Offers;

/// <summary>The tab of the offer editor that edits a field, so a failed save can open the tab with the first error.</summary>
public enum OfferTab
{
    Main = 0,
    Additional = 1,
    Notes = 2,
}
