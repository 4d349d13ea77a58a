using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Tracker.Core.Networks;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Components.Pages.Networks;
using TestContext = Xunit.TestContext;

namespace Tracker.Tests.Components;

public sealed class NetworkDialogTests : IAsyncDisposable
{
    private readonly TrackerApplication _app = new();
    private readonly AdminComponentContext _ctx;

    public NetworkDialogTests() => _ctx = new AdminComponentContext(_app);

    private NetworkStore Store => _app.Service<NetworkStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Text(IRenderedComponent<ContainerFragment> page) => string.Concat(page.Nodes.Select(n => n.TextContent));

    private async Task<(IRenderedComponent<ContainerFragment> Host, IDialogReference Dialog)> OpenEditorAsync(AffiliateNetwork network)
    {
        var host = _ctx.Render<ContainerFragment>(p => p.AddChildContent<MudDialogProvider>());
        var dialogs = _ctx.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<NetworkDialog>
        {
            { d => d.Network, NetworkDialog.Copy(network) },
            { d => d.TrackerPostbackUrl, "https://trk.example.com/k3y/postback" },
        };
        var dialog = await host.InvokeAsync(() => dialogs.ShowAsync<NetworkDialog>("Edit", parameters));
        host.WaitForAssertion(() => Assert.NotNull(host.Find("[data-testid=network-dialog]")));
        return (host, dialog);
    }

    [Fact]
    public async Task AnEditorOverAVersionSavedElsewhereSaysSoAndOverwriteReappliesOnlyMyEdits()
    {
        var network = (await Store.CreateAsync(new AffiliateNetwork { Name = "Affise", OfferParameters = "&sub1={subid}" }, Ct)).Value!;
        var (host, dialog) = await OpenEditorAsync(network);
        host.Find("[data-testid=network-offer-parameters]").Input("&sub2={subid}");

        // Someone else saves the same network (another tab or the API).
        var theirs = (await Store.GetAsync(network.Id, Ct))!;
        theirs.Name = "Affise (theirs)";
        Assert.Equal(SaveOutcome.Saved, (await Store.UpdateAsync(theirs, Ct)).Outcome);
        var banner = host.WaitForElement("[data-testid=conflict-banner]");
        Assert.Contains("This network was changed in another tab/by the API", banner.TextContent);
        Assert.Contains("Their save changed: name.", banner.TextContent);
        Assert.Contains("your edits (offer parameters)", banner.TextContent);

        host.Find("[data-testid=network-save]").Click();
        host.WaitForAssertion(() => Assert.NotNull(host.Find("[data-testid=conflict-save-blocked]")));
        Assert.Equal("&sub1={subid}", (await Store.GetAsync(network.Id, Ct))!.OfferParameters);

        host.Find("[data-testid=conflict-overwrite]").Click();
        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        var saved = (await Store.GetAsync(network.Id, Ct))!;
        // "Overwrite" means the same as in every editor: their name stays, my offer parameters are laid on top.
        Assert.Equal("Affise (theirs)", saved.Name);
        Assert.Equal("&sub2={subid}", saved.OfferParameters);
    }

    [Fact]
    public async Task AnEditorWithNoEditsSimplyShowsTheVersionSavedElsewhere()
    {
        var network = (await Store.CreateAsync(new AffiliateNetwork { Name = "CAKE", OfferParameters = "&s2={subid}" }, Ct)).Value!;
        var (host, _) = await OpenEditorAsync(network);
        var theirs = (await Store.GetAsync(network.Id, Ct))!;
        theirs.OfferParameters = "&s3={subid}";
        await Store.UpdateAsync(theirs, Ct);

        host.WaitForAssertion(() => Assert.Equal("&s3={subid}", host.Find("[data-testid=network-offer-parameters]").GetAttribute("value")));
        Assert.Empty(host.FindAll("[data-testid=conflict-banner]"));
    }

    [Fact]
    public async Task LoadingTheirVersionReplacesTheFormAndSavesNothing()
    {
        var network = (await Store.CreateAsync(new AffiliateNetwork { Name = "CAKE", OfferParameters = "&s2={subid}" }, Ct)).Value!;
        var (host, _) = await OpenEditorAsync(network);
        host.Find("[data-testid=network-name]").Input("Mine");
        var theirs = (await Store.GetAsync(network.Id, Ct))!;
        theirs.OfferParameters = "&s3={subid}";
        await Store.UpdateAsync(theirs, Ct);

        host.WaitForAssertion(() => Assert.NotNull(host.Find("[data-testid=conflict-banner]")));
        host.Find("[data-testid=conflict-reload]").Click();

        host.WaitForAssertion(() => Assert.Equal("&s3={subid}", host.Find("[data-testid=network-offer-parameters]").GetAttribute("value")));
        Assert.Equal("CAKE", host.Find("[data-testid=network-name]").GetAttribute("value"));
        Assert.Empty(host.FindAll("[data-testid=conflict-banner]"));
        Assert.Equal(2, (await Store.GetAsync(network.Id, Ct))!.Version);
    }

    [Fact]
    public async Task AnInvalidNetworkIsNotSavedAndMessagesClearWhenFixed()
    {
        var (host, _) = await OpenEditorAsync(new AffiliateNetwork());
        host.Find("[data-testid=network-offer-parameters]").Input("sub1={subid}");
        host.Find("[data-testid=network-save]").Click();
        host.WaitForAssertion(() =>
        {
            Assert.Contains("Give the network a name.", Text(host));
            Assert.Contains("Start with '&' for query parameters", Text(host));
        });
        Assert.Empty(await Store.ListAsync(ct: Ct));

        host.Find("[data-testid=network-name]").Input("Fixed");
        host.Find("[data-testid=network-offer-parameters]").Input("&sub1={subid}");
        host.WaitForAssertion(() => Assert.DoesNotContain("Give the network a name.", Text(host)));
        Assert.DoesNotContain("Start with '&'", Text(host));
    }

    [Fact]
    public async Task ThePostbackIpAllowListIsValidatedByEntryAndSavedNormalized()
    {
        var network = (await Store.CreateAsync(new AffiliateNetwork { Name = "Affise", OfferParameters = "&sub1={subid}" }, Ct)).Value!;
        var (host, dialog) = await OpenEditorAsync(network);
        Assert.Contains("refused (403), logged", host.Find("[data-testid=network-dialog]").TextContent);

        host.Find("[data-testid=network-postback-allowed-ips]").Input("203.0.113.10\n198.51.100.7/24");
        host.Find("[data-testid=network-save]").Click();
        host.WaitForAssertion(() => Assert.Contains("did you mean 198.51.100.0/24?", host.Find("[data-testid=network-dialog]").TextContent));
        Assert.Equal("", (await Store.GetAsync(network.Id, Ct))!.PostbackAllowedIps);

        host.Find("[data-testid=network-postback-allowed-ips]").Input(" 203.0.113.10, 2001:DB8::/32\n198.51.100.0/24 ");
        host.Find("[data-testid=network-save]").Click();
        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        Assert.Equal("203.0.113.10\n2001:db8::/32\n198.51.100.0/24", (await Store.GetAsync(network.Id, Ct))!.PostbackAllowedIps);
    }

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _app.DisposeAsync();
    }
}
