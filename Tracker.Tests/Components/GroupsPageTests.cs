using Bunit;
using TestContext = Xunit.TestContext;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Components.Pages.Groups;

namespace Tracker.Tests.Components;

public sealed class GroupsPageTests : IAsyncDisposable
{
    private readonly TrackerApplication _app = new();
    private readonly AdminComponentContext _ctx;

    public GroupsPageTests() => _ctx = new AdminComponentContext(_app);

    private IRenderedComponent<ContainerFragment> RenderPage()
    {
        var page = _ctx.RenderWithProviders<GroupsPage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-progress-linear")));
        return page;
    }

    private static string Text(IRenderedComponent<ContainerFragment> page) => string.Concat(page.Nodes.Select(n => n.TextContent));

    private static void Create(IRenderedComponent<ContainerFragment> page, string name)
    {
        page.Find("[data-testid=group-new-name]").Input(name);
        page.Find("form").Submit();
    }

    [Fact]
    public void EmptyAndDuplicateNamesAreRefusedWithAClearMessage()
    {
        var page = RenderPage();
        Assert.NotNull(page.Find("[data-testid=groups-empty]"));

        Create(page, "   ");
        page.WaitForAssertion(() => Assert.Contains("Give the group a name.", Text(page)));

        Create(page, "Nutra");
        page.WaitForAssertion(() => Assert.Contains("Nutra", page.Find("[data-testid=groups-table]").TextContent));

        Create(page, "Nutra");
        page.WaitForAssertion(() => Assert.Contains("A group named 'Nutra' already exists.", Text(page)));
        Assert.Single(page.FindAll("[data-testid=group-name]"));
    }

    [Fact]
    public async Task RenamingToAnEmptyOrTakenNameIsRefusedAndAValidNameIsSaved()
    {
        var store = _app.Service<GroupStore>();
        await store.CreateAsync("Casino", TestContext.Current.CancellationToken);
        await store.CreateAsync("Dating", TestContext.Current.CancellationToken);
        var page = RenderPage();

        page.FindAll("[data-testid=group-rename]")[0].Click();
        page.Find("[data-testid=group-rename-input]").Input("");
        page.Find("[data-testid=groups-table] form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Give the group a name.", Text(page)));

        page.Find("[data-testid=group-rename-input]").Input("Dating");
        page.Find("[data-testid=groups-table] form").Submit();
        page.WaitForAssertion(() => Assert.Contains("A group named 'Dating' already exists.", Text(page)));

        page.Find("[data-testid=group-rename-input]").Input("Casino DE");
        page.Find("[data-testid=groups-table] form").Submit();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=group-rename-input]")));
        Assert.Equal(["Casino DE", "Dating"], (await store.ListAsync(TestContext.Current.CancellationToken)).Select(g => g.Name));
    }

    [Fact]
    public async Task AGroupWithOffersIsNotDeletedAndTheUserIsToldWhy()
    {
        var group = (await _app.Service<GroupStore>().CreateAsync("Nutra", TestContext.Current.CancellationToken)).Value!;
        await _app.Service<OfferStore>().CreateAsync(new Offer { Name = "Slim tea", Url = "https://network.example/click?o=1", GroupId = group.Id }, TestContext.Current.CancellationToken);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal("1", page.FindAll("[data-testid=groups-table] tbody td")[1].TextContent.Trim()));

        page.Find("[data-testid=group-delete]").Click();
        page.WaitForAssertion(() => Assert.Contains("1 offer(s) are in 'Nutra', so it can't be deleted", Text(page)));
        Assert.NotNull(await _app.Service<GroupStore>().GetAsync(group.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnUnusedGroupIsDeletedAfterConfirmation()
    {
        var group = (await _app.Service<GroupStore>().CreateAsync("Old", TestContext.Current.CancellationToken)).Value!;
        var page = RenderPage();

        page.Find("[data-testid=group-delete]").Click();
        page.WaitForAssertion(() => Assert.Contains("Delete the group 'Old'?", Text(page)));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=groups-empty]")));
        Assert.Null(await _app.Service<GroupStore>().GetAsync(group.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheListUpdatesWhenAGroupIsCreatedElsewhere()
    {
        var page = RenderPage();
        await _app.Service<GroupStore>().CreateAsync("Made by the API", TestContext.Current.CancellationToken);
        page.WaitForAssertion(() => Assert.Contains("Made by the API", page.Find("[data-testid=groups-table]").TextContent), TimeSpan.FromSeconds(5));
    }

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _app.DisposeAsync();
    }
}
