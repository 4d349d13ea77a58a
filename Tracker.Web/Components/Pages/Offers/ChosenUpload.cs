namespace Tracker.Web.Components.Pages.Offers;

/// <summary>What became of the zip chosen for a new offer in <see cref="LocalOfferUpload"/>: published (with the offer's new version) or refused and why.</summary>
public sealed record ChosenUpload(bool Published, int? Version, IReadOnlyList<string> Problems);
