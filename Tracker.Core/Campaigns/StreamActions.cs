using Tracker.Core.Amounts;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;

namespace Tracker.Core.Campaigns;

/// <summary>
/// What each stream action gives the visitor, and when a click's revenue is booked: the step after
/// <see cref="StreamSelector"/> and <see cref="OfferRotation"/>. The endpoint only turns the answer into
/// HTTP (and reads a local offer's page, the one step that touches a file).
/// </summary>
public static class StreamActions
{
    /// <summary>Decides the response for the chosen stream and offer, with the reasons in the trace.</summary>
    /// <param name="stream">The matched stream; null when none matched.</param>
    /// <param name="offer">The offer after rotation and the cap gate; null when the stream has none.</param>
    /// <param name="offerTemplate">The offer's URL template (its URL with the network's parameters).</param>
    /// <param name="macros">The click's macro values.</param>
    /// <param name="rates">Exchange rates, for CPC revenue in the base currency.</param>
    /// <param name="click">The click; its revenue is booked when an offer is reached.</param>
    /// <param name="trace">The click's decision trace.</param>
    /// <param name="gatewayHopFor">The tracker's own middle page for a double meta redirect to a destination.</param>
    public static ClickResponse Respond(CampaignStream? stream, Offer? offer, string? offerTemplate, MacroValues macros,
        ExchangeRates rates, Click click, DecisionTrace trace, Func<string, string> gatewayHopFor)
    {
        if (stream is null) return new(ClickResponseKind.Empty);
        switch (stream.Action)
        {
            case StreamAction.ShowText:
                trace.Add("The stream shows its text.");
                return new(ClickResponseKind.Text, Text: stream.ActionPayload);
            case StreamAction.Status404:
                trace.Add("The stream answers 404.");
                return new(ClickResponseKind.NotFound);
            case StreamAction.DoNothing:
                trace.Add("The stream does nothing (empty 200).");
                return new(ClickResponseKind.Empty);
            case StreamAction.Offers:
                break;
            default:
                trace.Add($"The stream's action {stream.Action} is not known: do nothing.");
                return new(ClickResponseKind.Empty);
        }
        if (offer is null) return new(ClickResponseKind.Empty);
        if (offer.IsLocal) return new(ClickResponseKind.LocalPage);

        var destination = OfferUrlBuilder.Expand(offerTemplate ?? "", macros);
        if (!destination.IsValid)
        {
            trace.Add($"Offer \"{offer.Name}\" (#{offer.Id}) not reached: {destination.Problem} Do nothing.");
            return new(ClickResponseKind.Empty);
        }
        BookRevenue(offer, rates, click, trace);
        trace.Add($"Sent by {RedirectName(offer.RedirectType)} redirect to {destination.Url}");
        var hop = offer.RedirectType == RedirectType.DoubleMeta ? gatewayHopFor(destination.Url) : null;
        return new(ClickResponseKind.Redirect, Redirect: RedirectRenderer.Render(offer.RedirectType, destination.Url, hop));
    }

    /// <summary>
    /// Books what reaching the offer earns at once (a CPC offer's payout in the base currency; CPA
    /// revenue comes with its postback). Called when the visitor is actually sent to the offer or
    /// shown its local page, never for a click that reaches nothing.
    /// </summary>
    public static void BookRevenue(Offer offer, ExchangeRates rates, Click click, DecisionTrace trace)
    {
        var revenue = ClickRevenue.For(offer, rates, out var problem);
        if (problem is not null) trace.Add(problem);
        click.RevenueMicros = revenue.Micros;
    }

    /// <summary>The redirect type's name in the trace.</summary>
    public static string RedirectName(RedirectType type) => type switch
    {
        RedirectType.Http => "http (302)",
        RedirectType.Meta => "meta",
        RedirectType.DoubleMeta => "double meta",
        RedirectType.Js => "JavaScript",
        RedirectType.BlankReferrer => "blank referrer",
        RedirectType.FormSubmit => "form submit",
        RedirectType.Iframe => "iframe",
    };
}
