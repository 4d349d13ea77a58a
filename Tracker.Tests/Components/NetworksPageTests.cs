using Bunit;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Components.Pages.Networks;
using TestContext = Xunit.TestContext;

namespace Tracker.Tests.Components;

public sealed class NetworksPageTests : IAsyncDisposable
{
    private readonly TrackerApplication _app = new();
    private readonly AdminComponentContext _ctx;

    public NetworksPageTests() => _ctx = new AdminComponentContext(_app);

    private NetworkStore Store => _app.Service<NetworkStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Text(IRenderedComponent<ContainerFragment> page) => string.Concat(page.Nodes.Select(n => n.TextContent));

    private IRenderedComponent<ContainerFragment> RenderPage()
    {
        var page = _ctx.RenderWithProviders<NetworksPage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-progress-linear")));
        return page;
    }

    private async Task<AffiliateNetwork> CreateAsync(string name, string parameters = "&sub1={subid}") =>
        (await Store.CreateAsync(new AffiliateNetwork { Name = name, OfferParameters = parameters }, Ct)).Value!;

    private static void ClickButton(IRenderedComponent<ContainerFragment> page, string ariaLabel) =>
        page.Find($"button[aria-label=\"{ariaLabel}\"]").Click();

    [Fact]
    public async Task ANetworkUsedByOffersIsNotDeletedAndTheUserIsToldWhatToDoInstead()
    {
        var network = await CreateAsync("Affise");
        await _app.Service<OfferStore>().CreateAsync(new Offer { Name = "Casino DE", Url = "https://network.example/c?o=1", AffiliateNetworkId = network.Id }, Ct);
        var page = RenderPage();

        ClickButton(page, "Delete Affise");
        page.WaitForAssertion(() => Assert.Contains("1 offer(s) use 'Affise', so it can't be deleted", Text(page)));
        Assert.Contains("archive this one instead", Text(page));
        Assert.NotNull(await Store.GetAsync(network.Id, Ct));
    }

    [Fact]
    public async Task AnUnusedNetworkIsDeletedOnlyAfterConfirmation()
    {
        var network = await CreateAsync("Old network");
        var page = RenderPage();

        ClickButton(page, "Delete Old network");
        page.WaitForAssertion(() => Assert.Contains("Delete 'Old network' for good?", Text(page)));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        page.WaitForAssertion(() => Assert.DoesNotContain("for good?", Text(page)));
        Assert.NotNull(await Store.GetAsync(network.Id, Ct));

        ClickButton(page, "Delete Old network");
        page.WaitForAssertion(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=networks-empty]")));
        Assert.Null(await Store.GetAsync(network.Id, Ct));
    }

    [Fact]
    public async Task ArchivingMovesANetworkToTheArchivedFilterAndRestoringBringsItBack()
    {
        var network = await CreateAsync("Everflow");
        var page = RenderPage();

        ClickButton(page, "Archive Everflow");
        page.WaitForAssertion(() => Assert.Equal(ItemState.Archived, Store.GetAsync(network.Id, Ct).Result!.State));
        page.WaitForAssertion(() => Assert.DoesNotContain("Everflow", page.Find("[data-testid=networks-table] tbody").TextContent));
        Assert.Contains("Archived (1)", page.Find("[data-testid=networks-table]").TextContent);

        page.FindAll("[data-testid=networks-state] button, [data-testid=networks-state] .mud-toggle-item").First(b => b.TextContent.Contains("Archived")).Click();
        page.WaitForAssertion(() => Assert.Contains("Everflow", page.Find("[data-testid=networks-table] tbody").TextContent));
        ClickButton(page, "Restore Everflow");
        page.WaitForAssertion(() => Assert.Equal(ItemState.Active, Store.GetAsync(network.Id, Ct).Result!.State));
    }

    [Fact]
    public async Task TheListShowsNetworksSavedElsewhereAndFlagsOnesWithoutSubid()
    {
        var page = RenderPage();
        Assert.NotNull(page.Find("[data-testid=networks-empty]"));

        await CreateAsync("Made by the API", "&aff_sub=static");
        page.WaitForAssertion(() => Assert.Contains("Made by the API", page.Find("[data-testid=networks-table]").TextContent), TimeSpan.FromSeconds(5));
        Assert.Single(page.FindAll("[data-testid=row-subid-warning]"));
    }

    [Fact]
    public void TheTrackerPostbackUrlUsesTheAddressTheAdminIsBrowsing()
    {
        var page = RenderPage();
        var key = _app.Service<Tracker.Web.Services.SettingsStore>().Current.PostbackKey;
        Assert.Equal($"http://localhost/{key}/postback", page.Find("[data-testid=tracker-postback-url] input").GetAttribute("value"));
    }

    [Fact]
    public async Task AConfiguredPublicBaseUrlWinsOverTheBrowsingAddress()
    {
        await using var app = new TrackerApplication(new() { ["Tracker:PublicBaseUrl"] = "https://trk.example.com/" });
        await using var ctx = new AdminComponentContext(app);
        var page = ctx.RenderWithProviders<NetworksPage>();
        var key = app.Service<Tracker.Web.Services.SettingsStore>().Current.PostbackKey;
        page.WaitForAssertion(() => Assert.Equal($"https://trk.example.com/{key}/postback", page.Find("[data-testid=tracker-postback-url] input").GetAttribute("value")));
    }

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _app.DisposeAsync();
    }
}
