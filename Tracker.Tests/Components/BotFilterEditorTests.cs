using Bunit;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Components.Pages.Campaigns;

namespace Tracker.Tests.Components;

/// <summary>The stream editor's bot filter: added with one button, is / is not a bot, explained where it is edited.</summary>
public sealed class BotFilterEditorTests : MudComponentContext
{
    public BotFilterEditorTests() => RenderPopoverHosts();

    private static readonly IReadOnlyList<OfferSummary> Offers = [new(1, "Casino World", ItemState.Active, null, [])];

    [Fact]
    public void ABotFilterIsAddedExplainedSwitchedToNoBotsAndRemoved()
    {
        var campaign = new Campaign { Name = "Summer", Alias = "summer" };
        var draft = new CampaignDraft(campaign, Offers);
        var cut = Render<CampaignStreams>(p => p.Add(x => x.Draft, draft));
        cut.Find("[data-testid=add-stream]").Click();
        var stream = Assert.Single(campaign.Streams);

        cut.Find("[data-testid=add-bot-filter]").Click();

        var filter = Assert.Single(stream.Filters);
        Assert.Equal(("bot", FilterMode.Include), (filter.Type, filter.Mode));
        Assert.Empty(filter.Values);
        var help = cut.Find("[data-testid=bot-filter-help]").TextContent;
        Assert.Contains("The stream takes only bots", help);
        Assert.Contains("no user agent", help);
        Assert.Contains("datacenter range", help);
        Assert.Contains("bots only", cut.Find("[data-testid=stream-summary]").TextContent);
        // One bot filter is all a stream needs: the button goes away.
        Assert.Empty(cut.FindAll("[data-testid=add-bot-filter]"));
        // Nothing to fix: a bot filter has no values to choose.
        Assert.Empty(cut.FindAll("[data-testid=bot-filter] .mud-error-text"));

        cut.FindAll("[data-testid=bot-filter-mode] input[type=radio]")[1].Click();

        Assert.Equal(FilterMode.Exclude, filter.Mode);
        Assert.Contains("bots skip it", cut.Find("[data-testid=bot-filter-help]").TextContent);
        Assert.Contains("no bots", cut.Find("[data-testid=stream-summary]").TextContent);

        cut.Find("[data-testid=bot-filter] button[aria-label='Remove bot filter']").Click();

        Assert.Empty(stream.Filters);
        Assert.Empty(cut.FindAll("[data-testid=bot-filter]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=add-bot-filter]"));
    }

    [Fact]
    public void AValueSentThroughTheApiIsShownAsTheErrorToFix()
    {
        var campaign = new Campaign
        {
            Name = "Summer", Alias = "summer",
            Streams = [new CampaignStream { Name = "Safe", Type = StreamType.Forced, Action = StreamAction.ShowText, ActionPayload = "Hi",
                Filters = [new StreamFilter { Type = "bot", Mode = FilterMode.Include, Values = ["yes"] }] }],
        };
        var draft = new CampaignDraft(campaign, Offers);
        var cut = Render<CampaignStreams>(p => p.Add(x => x.Draft, draft));
        cut.Find("[data-testid=stream-toggle]").Click();

        Assert.Contains("The bot filter takes no values", cut.Find("[data-testid=bot-filter]").TextContent);
    }
}
