using Tracker.Core.Amounts;
using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Campaigns;

/// <summary>What each stream action gives the visitor, and that a click earns only when it reaches its offer.</summary>
public sealed class StreamActionsTests
{
    private static readonly ExchangeRates Rates = new("USD", new Dictionary<string, decimal> { ["EUR"] = 1.08m });
    private static readonly Func<string, string> Hop = destination => "https://trk.example/_go/" + destination.Length;

    private static Offer Cpc(string url, RedirectType redirect = RedirectType.Http) => new()
    {
        Id = 5, Name = "Shoes", Url = url, RedirectType = redirect,
        PayoutType = PayoutType.Cpc, PayoutMicros = 500_000, PayoutCurrency = "EUR",
    };

    private static (ClickResponse Response, Click Click, DecisionTrace Trace) Respond(CampaignStream? stream, Offer? offer)
    {
        var click = new Click { SubId = "abc123", CampaignId = 1 };
        var trace = new DecisionTrace();
        var macros = MacroValues.ForClick(click, "Campaign", offer);
        var response = StreamActions.Respond(stream, offer, offer?.Url, macros, Rates, click, trace, Hop);
        return (response, click, trace);
    }

    [Theory]
    [InlineData(StreamAction.ShowText, ClickResponseKind.Text, "The stream shows its text.")]
    [InlineData(StreamAction.Status404, ClickResponseKind.NotFound, "The stream answers 404.")]
    [InlineData(StreamAction.DoNothing, ClickResponseKind.Empty, "The stream does nothing (empty 200).")]
    public void StreamActionsOtherThanOffersAnswerThemselvesAndEarnNothing(StreamAction action, ClickResponseKind kind, string sentence)
    {
        var (response, click, trace) = Respond(new CampaignStream { Action = action, ActionPayload = "Closed today" }, Cpc("https://offer.example/"));

        Assert.Equal(kind, response.Kind);
        Assert.Equal(action == StreamAction.ShowText ? "Closed today" : null, response.Text);
        Assert.Equal([sentence], trace.Lines);
        Assert.Equal(0, click.RevenueMicros);
    }

    [Fact]
    public void NoMatchingStreamIsAnEmptyAnswer()
    {
        var (response, _, trace) = Respond(null, null);

        Assert.Equal(ClickResponseKind.Empty, response.Kind);
        Assert.Empty(trace.Lines);
    }

    [Fact]
    public void AnOfferReachedIsARedirectWithItsCpcRevenueBookedInTheBaseCurrency()
    {
        var (response, click, trace) = Respond(new CampaignStream { Action = StreamAction.Offers }, Cpc("https://offer.example/lp?s={subid}"));

        Assert.Equal(ClickResponseKind.Redirect, response.Kind);
        Assert.Equal("https://offer.example/lp?s=abc123", response.Redirect!.Location);
        Assert.Equal(540_000, click.RevenueMicros);
        Assert.Equal("Sent by http (302) redirect to https://offer.example/lp?s=abc123", trace.Lines[^1]);
    }

    [Fact]
    public void AnOfferThatCannotBeReachedEarnsNothingAndSaysWhy()
    {
        var (response, click, trace) = Respond(new CampaignStream { Action = StreamAction.Offers }, Cpc("not a url"));

        Assert.Equal(ClickResponseKind.Empty, response.Kind);
        Assert.Equal(0, click.RevenueMicros);
        Assert.Contains("Offer \"Shoes\" (#5) not reached:", trace.Lines[^1]);
    }

    [Fact]
    public void ADoubleMetaRedirectGoesThroughTheTrackersOwnHop()
    {
        var (response, _, trace) = Respond(new CampaignStream { Action = StreamAction.Offers }, Cpc("https://offer.example/", RedirectType.DoubleMeta));

        Assert.Equal(ClickResponseKind.Redirect, response.Kind);
        Assert.Contains("https://trk.example/_go/", response.Redirect!.Html);
        Assert.StartsWith("Sent by double meta redirect to", trace.Lines[^1]);
    }

    [Fact]
    public void ALocalOfferIsLeftToThePageReaderAndEarnsOnlyOnceItsPageIsServed()
    {
        var local = Cpc("");
        local.IsLocal = true;
        var (response, click, _) = Respond(new CampaignStream { Action = StreamAction.Offers }, local);

        Assert.Equal(ClickResponseKind.LocalPage, response.Kind);
        Assert.Equal(0, click.RevenueMicros);
    }
}
