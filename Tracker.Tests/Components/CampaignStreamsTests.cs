using Bunit;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;
using Tracker.Web.Catalog;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Components.Pages.Campaigns;

namespace Tracker.Tests.Components;

public sealed class CampaignStreamsTests : MudComponentContext
{
    // Popovers (selects, autocompletes) render into the hosts, as in the app's layout.
    public CampaignStreamsTests() => RenderPopoverHosts();

    private static readonly IReadOnlyList<OfferSummary> Offers =
    [
        new(1, "Casino DE", ItemState.Active, null, ["DE"]),
        new(2, "Casino World", ItemState.Active, null, []),
    ];

    private IRenderedComponent<CampaignStreams> RenderStreams(CampaignDraft draft) =>
        Render<CampaignStreams>(p => p.Add(x => x.Draft, draft));

    [Fact]
    public void EmptyCampaignExplainsWhatAStreamIs()
    {
        var cut = RenderStreams(new CampaignDraft(new Campaign { Name = "c", Alias = "cc" }, Offers));
        Assert.Contains("A stream decides where visitors go", cut.Find("[data-testid=streams-empty]").TextContent);
    }

    [Fact]
    public void AddedStreamAsksForAnOfferThenForTextWhenShowTextIsChosen()
    {
        var campaign = new Campaign { Name = "Summer", Alias = "summer" };
        var draft = new CampaignDraft(campaign, Offers);
        var cut = RenderStreams(draft);

        cut.Find("[data-testid=add-stream]").Click();

        var stream = Assert.Single(campaign.Streams);
        Assert.Equal(StreamType.Regular, stream.Type);
        Assert.Equal(StreamAction.Offers, stream.Action);
        Assert.Contains("Add at least one offer", cut.Find("[data-testid=offers-error]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=stream-has-errors]"));

        // Choose "Show text": the offers picker goes away and the text is asked for instead.
        var showText = cut.FindAll("[data-testid=stream-action] input[type=radio]")[1];
        showText.Click();

        Assert.Equal(StreamAction.ShowText, stream.Action);
        Assert.Empty(cut.FindAll("[data-testid=offers-error]"));
        Assert.Contains("Enter the text to show to the visitor.", cut.Find("[data-testid=stream-editor]").TextContent);
        Assert.Contains("sees this text", cut.Find("[data-testid=stream-action-help]").TextContent);

        cut.Find("textarea[data-testid=stream-text]").Input("We are closed today.");
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("We are closed today.", stream.ActionPayload);
            Assert.DoesNotContain("Enter the text to show", cut.Find("[data-testid=stream-editor]").TextContent);
            Assert.Empty(cut.FindAll("[data-testid=stream-has-errors]"));
        });
        Assert.True(draft.Errors.IsValid);
        Assert.Contains("shows text", cut.Find("[data-testid=stream-summary]").TextContent);
    }

    [Fact]
    public void SecondDefaultStreamIsFlaggedAndTypeHelpExplainsTheChoice()
    {
        var campaign = new Campaign
        {
            Name = "Summer",
            Alias = "summer",
            Streams = [new CampaignStream { Name = "Fallback", Type = StreamType.Default, Action = StreamAction.DoNothing }],
        };
        var cut = RenderStreams(new CampaignDraft(campaign, Offers));

        cut.Find("[data-testid=add-stream]").Click();
        var added = cut.FindAll("[data-testid=stream-editor]").Single();
        added.QuerySelectorAll("[data-testid=stream-type] input[type=radio]")[2].Click();

        var editor = cut.Find("[data-testid=stream-editor]");
        Assert.Contains("Takes every visitor that no forced or regular stream took", editor.QuerySelector("[data-testid=stream-type-help]")!.TextContent);
        Assert.Contains("Only one stream can be the default", editor.TextContent);
    }

    [Fact]
    public void UpAndDownButtonsReorderTheStreams()
    {
        var campaign = new Campaign
        {
            Name = "Summer",
            Alias = "summer",
            Streams =
            [
                new CampaignStream { Name = "First", Action = StreamAction.DoNothing },
                new CampaignStream { Name = "Second", Action = StreamAction.DoNothing },
                new CampaignStream { Name = "Third", Action = StreamAction.DoNothing },
            ],
        };
        var cut = RenderStreams(new CampaignDraft(campaign, Offers));

        cut.FindAll("[data-testid=stream-down]")[0].Click();
        Assert.Equal(["Second", "First", "Third"], campaign.Streams.Select(s => s.Name));
        cut.WaitForAssertion(() => Assert.Equal(["Second", "First", "Third"], cut.FindAll("[data-testid=stream-title]").Select(e => e.TextContent.Trim())));

        cut.FindAll("[data-testid=stream-up]")[2].Click();
        Assert.Equal(["Second", "Third", "First"], campaign.Streams.Select(s => s.Name));
        Assert.True(cut.FindAll("[data-testid=stream-up]")[0].HasAttribute("disabled"));
    }
}
