using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Core.Offers.LocalOffers;

namespace Tracker.Web.LocalOffers;

/// <summary>Renders a local offer's entry page for a visitor the click path routed to it.</summary>
public interface ILocalOfferEntryPage
{
    /// <summary>
    /// The offer's entry page with <c>&lt;base href="/lo/{key}/"&gt;</c> injected and macros expanded
    /// from <paramref name="macroValues"/> (<see cref="EntryPageHtml.ReplaceMacros"/>); null when the offer has no archive.
    /// </summary>
    Task<LocalOfferPage?> RenderEntryAsync(Offer offer, MacroValues macroValues, CancellationToken ct);
}
