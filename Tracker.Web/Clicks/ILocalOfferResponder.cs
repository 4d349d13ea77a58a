using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;

namespace Tracker.Web.Clicks;

/// <summary>
/// Serves a local offer (an uploaded archive) as the answer to a click, instead of a redirect.
/// Registered by the local-offers feature; without a registration, or while the offer has no
/// archive (<see cref="Offer.LocalKey"/> is null), the click answers 404 "offer content not uploaded".
/// </summary>
public interface ILocalOfferResponder
{
    /// <summary>
    /// The page to answer with (usually the archive's index.html, macros expanded with
    /// <see cref="MacroEncoders.Html"/>). Response headers such as a CSP sandbox may be set on
    /// <see cref="LocalOfferVisit.Http"/>. Called for HEAD too; the click is recorded after this returns.
    /// </summary>
    Task<ContentHttpResult> RespondAsync(LocalOfferVisit visit, CancellationToken cancellationToken);
}

/// <param name="Http">The click request; set response headers here, never write the body.</param>
/// <param name="Offer">The local offer chosen for the click.</param>
/// <param name="Click">The click being recorded (its subid is final; it is stored after the page is rendered).</param>
/// <param name="Macros">The click's macro values.</param>
public sealed record LocalOfferVisit(HttpContext Http, Offer Offer, Click Click, MacroValues Macros);
