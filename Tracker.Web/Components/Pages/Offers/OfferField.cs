namespace Tracker.Web.Components.Pages.Offers;

/// <summary>
/// One editable field: its API name (the validator's error key), a label for people, its tab, how to compare
/// it and how to copy it between models. Conflict handling and dirty tracking are built on this table.
/// </summary>
public sealed record OfferField(string Key, string Label, OfferTab Tab, Func<OfferEditModel, object?> Read, Action<OfferEditModel, OfferEditModel> CopyTo);
