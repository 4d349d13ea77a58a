using Bunit;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Components.Pages.Campaigns;
using TestContext = Xunit.TestContext;

namespace Tracker.Tests.Components;

/// <summary>The campaign editor's edit session over a real host's SQLite file: the same banner and the same "Overwrite" as every editor.</summary>
public sealed class CampaignEditorPageTests : IAsyncDisposable
{
    private readonly TrackerApplication _app = new();
    private readonly AdminComponentContext _ctx;

    public CampaignEditorPageTests() => _ctx = new AdminComponentContext(_app);

    private CampaignStore Store => _app.Service<CampaignStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Campaign Campaign, IRenderedComponent<CampaignEditorPage> Cut)> OpenAsync()
    {
        var campaign = (await Store.CreateAsync(new Campaign { Name = "Winter", Alias = "winter", UniquenessHours = 24 }, Ct)).Value!;
        _ctx.RenderPopoverHosts();
        var cut = _ctx.Render<CampaignEditorPage>(p => p.Add(e => e.Id, campaign.Id));
        cut.WaitForElement("[data-testid=campaign-name] input, input[data-testid=campaign-name]");
        return (campaign, cut);
    }

    private static AngleSharp.Dom.IElement NameInput(IRenderedComponent<CampaignEditorPage> cut) =>
        cut.Find("input[data-testid=campaign-name], [data-testid=campaign-name] input");

    private async Task SaveTheirsAsync(int id, Action<Campaign> change)
    {
        var theirs = (await Store.GetAsync(id, Ct))!;
        change(theirs);
        Assert.Equal(SaveOutcome.Saved, (await Store.UpdateAsync(theirs, Ct)).Outcome);
    }

    [Fact]
    public async Task WithNoEditsASaveElsewhereIsSimplyShown()
    {
        var (campaign, cut) = await OpenAsync();

        await SaveTheirsAsync(campaign.Id, c => c.Name = "Winter (theirs)");

        cut.WaitForAssertion(() => Assert.Equal("Winter (theirs)", NameInput(cut).GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=conflict-banner]"));
    }

    [Fact]
    public async Task WithEditsTheBannerBlocksSaveAndOverwriteReappliesOnlyMyEdits()
    {
        var (campaign, cut) = await OpenAsync();
        NameInput(cut).Input("Winter (mine)");

        await SaveTheirsAsync(campaign.Id, c => c.UniquenessHours = 48);

        var banner = cut.WaitForElement("[data-testid=conflict-banner]");
        Assert.Contains("This campaign was changed in another tab/by the API (now version 2)", banner.TextContent);
        Assert.Contains("Their save changed: uniqueness window.", banner.TextContent);
        Assert.Contains("your edits (name)", banner.TextContent);

        cut.FindAll("[data-testid=save-campaign]").Last().Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=conflict-save-blocked]")));
        Assert.Equal("Winter", (await Store.GetAsync(campaign.Id, Ct))!.Name);

        cut.Find("[data-testid=conflict-overwrite]").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, Store.GetAsync(campaign.Id, Ct).GetAwaiter().GetResult()!.Version));
        var stored = (await Store.GetAsync(campaign.Id, Ct))!;
        Assert.Equal(("Winter (mine)", 48), (stored.Name, stored.UniquenessHours));
        Assert.Empty(cut.FindAll("[data-testid=conflict-banner]"));
    }

    [Fact]
    public async Task ReloadTakesTheirVersionAndDropsMine()
    {
        var (campaign, cut) = await OpenAsync();
        NameInput(cut).Input("Winter (mine)");
        await SaveTheirsAsync(campaign.Id, c => c.Name = "Winter (theirs)");
        cut.WaitForElement("[data-testid=conflict-banner]");

        cut.Find("[data-testid=conflict-reload]").Click();

        Assert.Equal("Winter (theirs)", NameInput(cut).GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=conflict-banner]"));
        Assert.Empty(cut.FindAll("[data-testid=unsaved-changes]"));
    }

    [Fact]
    public async Task ANewCampaignsAliasIsSuggestedFromItsNameUntilTheUserTypesTheirOwn()
    {
        await Store.CreateAsync(new Campaign { Name = "Taken", Alias = "summer-sale" }, Ct);
        _ctx.RenderPopoverHosts();
        var cut = _ctx.Render<CampaignEditorPage>();
        cut.WaitForElement("input[data-testid=campaign-name], [data-testid=campaign-name] input");
        AngleSharp.Dom.IElement Alias() => cut.Find("input[data-testid=campaign-alias], [data-testid=campaign-alias] input");

        NameInput(cut).Input("Winter Sale — DE");
        cut.WaitForAssertion(() => Assert.Equal("winter-sale-de", Alias().GetAttribute("value")));
        Assert.Contains("Suggested from the name", cut.Markup);

        // A suggestion another campaign already uses gets a number.
        NameInput(cut).Input("Summer Sale");
        cut.WaitForAssertion(() => Assert.Equal("summer-sale-2", Alias().GetAttribute("value")));

        // Once the user types an alias of their own, renaming leaves it alone.
        Alias().Input("my-link");
        NameInput(cut).Input("Autumn");
        cut.WaitForAssertion(() => Assert.Equal("Autumn", NameInput(cut).GetAttribute("value")));
        Assert.Equal("my-link", Alias().GetAttribute("value"));
    }

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _app.DisposeAsync();
    }
}
