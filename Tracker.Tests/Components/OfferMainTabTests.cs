using Bunit;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Components.Pages.Offers;

namespace Tracker.Tests.Components;

public sealed class OfferMainTabTests : MudComponentContext
{
    private static readonly AffiliateNetwork WithSubId = new() { Id = 5, Name = "CPA House", OfferParameters = "&sub1={subid}&sub2={campaign_id}" };
    private static readonly AffiliateNetwork WithoutSubId = new() { Id = 6, Name = "Old Network", OfferParameters = "&aff=42" };

    private readonly List<string> _changed = [];

    // The uploader talks to the host (store, antiforgery, JS upload): OfferEditorPageTests and LocalOfferBrowserTests cover it.
    public OfferMainTabTests() => ComponentFactories.AddStub<LocalOfferUpload>();

    private IRenderedComponent<OfferMainTab> RenderTab(OfferEditModel model, ValidationErrors? errors = null) =>
        Render<OfferMainTab>(p => p
            .Add(t => t.Model, model)
            .Add(t => t.Errors, errors ?? new ValidationErrors())
            .Add(t => t.Networks, [WithSubId, WithoutSubId])
            .Add(t => t.OnFieldChanged, key => _changed.Add(key)));

    [Fact]
    public void MainTabShowsEveryFieldWithItsExplanation()
    {
        var cut = RenderTab(new OfferEditModel());

        Assert.NotNull(cut.Find("#offer-name"));
        Assert.NotNull(cut.Find("#offer-url"));
        Assert.NotNull(cut.Find("[data-testid=offer-network]"));
        Assert.NotNull(cut.Find("[data-testid=offer-redirect]"));
        Assert.NotNull(cut.Find("[data-testid=offer-is-local]"));
        Assert.Contains("A chosen affiliate network template will add necessary parameters to offers' URLs", cut.Markup);
        Assert.Contains("Macros such as {subid} are allowed", cut.Markup);
        Assert.Contains("a 302 response with a Location header", cut.Find("[data-testid=redirect-explanation]").TextContent);
        Assert.Contains("A local offer is a landing page you upload as a zip", cut.Markup);
    }

    [Fact]
    public void EveryRedirectTypeIsOfferedWithItsExplanation()
    {
        var hosts = RenderPopoverHosts();
        var cut = RenderTab(new OfferEditModel());

        cut.Find("[data-testid=offer-redirect] .mud-input-control").MouseDown();

        var items = hosts.WaitForElements(".mud-list-item", 7);
        Assert.Equal(7, items.Count);
        foreach (var code in new[] { "http", "meta", "double_meta", "js", "blank_referrer", "formsubmit", "iframe" })
            Assert.Contains(items, i => i.TextContent.Contains(code, StringComparison.Ordinal));
        Assert.Contains(items, i => i.TextContent.Contains("hides the referrer", StringComparison.Ordinal));

        items.Single(i => i.TextContent.Contains("formsubmit", StringComparison.Ordinal)).Click();
        Assert.Contains("an HTML form submitted automatically", cut.Find("[data-testid=redirect-explanation]").TextContent);
        Assert.Contains("redirectType", _changed);
    }

    [Fact]
    public void ALocalOfferShowsNeitherRedirectNorSubidWarningNorUrlPreview()
    {
        var model = new OfferEditModel { Url = "https://network.example/click?o=77" };
        var cut = RenderTab(model);
        Assert.NotNull(cut.Find("[data-testid=subid-warning]"));
        Assert.NotNull(cut.Find("[data-testid=offer-redirect]"));

        cut.Find("input[data-testid=offer-is-local]").Change(true);

        Assert.True(model.IsLocal);
        Assert.NotNull(cut.Find("[data-testid=local-offer-slot]"));
        Assert.Empty(cut.FindAll("[data-testid=subid-warning]"));
        Assert.Empty(cut.FindAll("[data-testid=offer-redirect]"));
        Assert.Empty(cut.FindAll("[data-testid=redirect-explanation]"));
        Assert.Empty(cut.FindAll("[data-testid=url-preview]"));
        Assert.Contains("Not used to send visitors: Tracker serves the uploaded page", cut.Find("#offer-url").Closest(".mud-input-control")!.TextContent);
        Assert.DoesNotContain("Where visitors are sent", cut.Markup);
    }

    [Fact]
    public void SubIdWarningShowsUntilTheUrlCarriesTheSubid()
    {
        var model = new OfferEditModel { Url = "https://network.example/click?o=77" };
        var cut = RenderTab(model);
        Assert.Contains("If you enabled a postback in an affiliate network, transferring a {subid} is a must or postbacks won't work",
            cut.Find("[data-testid=subid-warning]").TextContent);

        cut.Find("#offer-url").Input("https://network.example/click?o=77&sub1={subid}");

        Assert.Empty(cut.FindAll("[data-testid=subid-warning]"));
        Assert.Equal("https://network.example/click?o=77&sub1={subid}", model.Url);
        Assert.Contains("url", _changed);
        Assert.Contains("sub1=7k2m9q4x1c8v3n6b5z0p2r4t7w", cut.Find("[data-testid=url-preview-sample]").TextContent);

        cut.Find("#offer-url").Input("https://network.example/click?o=77");
        Assert.NotNull(cut.Find("[data-testid=subid-warning]"));
    }

    [Fact]
    public void ChoosingANetworkWhoseParametersCarryTheSubidHidesTheWarningAndAppendsThem()
    {
        var hosts = RenderPopoverHosts();
        var model = new OfferEditModel { Url = "https://network.example/click?o=77" };
        var cut = RenderTab(model);
        Assert.NotNull(cut.Find("[data-testid=subid-warning]"));

        cut.Find("[data-testid=offer-network] .mud-input-control").MouseDown();
        hosts.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("CPA House", StringComparison.Ordinal)).Click();

        Assert.Equal(5, model.AffiliateNetworkId);
        Assert.Contains("affiliateNetworkId", _changed);
        Assert.Empty(cut.FindAll("[data-testid=subid-warning]"));
        Assert.Equal("https://network.example/click?o=77&sub1={subid}&sub2={campaign_id}", cut.Find("[data-testid=url-preview-template]").TextContent);
        Assert.Contains("&sub1=7k2m9q4x1c8v3n6b5z0p2r4t7w&sub2=1", cut.Find("[data-testid=url-preview-sample]").TextContent);
    }

    [Fact]
    public void NetworkWithoutSubidInItsParametersKeepsTheWarning()
    {
        var cut = RenderTab(new OfferEditModel { Url = "https://network.example/click?o=77", AffiliateNetworkId = WithoutSubId.Id });

        Assert.Contains("the network's offer parameters", cut.Find("[data-testid=subid-warning]").TextContent);
        Assert.Contains("&aff=42", cut.Find("[data-testid=network-parameters]").TextContent);
    }

    [Fact]
    public void UnknownMacrosAreFlaggedWithTheMacroTheyResemble()
    {
        var cut = RenderTab(new OfferEditModel { Url = "https://network.example/click?o=77&s={click_id}&x={banana}" });

        var flags = cut.FindAll("[data-testid=unknown-macro]");
        Assert.Equal(2, flags.Count);
        Assert.Contains("Did you mean {subid}?", flags[0].TextContent);
        Assert.Contains("{banana}", flags[1].TextContent);
        // {click_id} is not the subid macro, so the subid still does not reach the network.
        Assert.NotNull(cut.Find("[data-testid=subid-warning]"));
    }

    [Fact]
    public void ValidationMessagesAppearUnderTheirFields()
    {
        var errors = new ValidationErrors();
        errors.Add("name", "Give the offer a name.");
        errors.Add("url", "URL must be absolute and start with http:// or https://.");
        var cut = RenderTab(new OfferEditModel { Url = "network.example" }, errors);

        var nameField = cut.Find("#offer-name").Closest(".mud-input-control")!;
        var urlField = cut.Find("#offer-url").Closest(".mud-input-control")!;
        Assert.Contains("Give the offer a name.", nameField.TextContent);
        Assert.Contains("URL must be absolute", urlField.TextContent);
        Assert.DoesNotContain("URL must be absolute", nameField.TextContent);
    }

    [Fact]
    public void MacroListNamesEveryMacroOfTheContract()
    {
        var hosts = RenderPopoverHosts();
        var cut = RenderTab(new OfferEditModel());

        cut.Find("#offer-url").Closest(".mud-input-control")!.QuerySelector("button")!.Click();

        var help = hosts.WaitForElement("[data-testid=macro-help]").TextContent;
        foreach (var macro in new[] { "{subid}", "{campaign_id}", "{offer_name}", "{country}", "{user_agent}", "{sub_id_1}", "{random}", "{date}", "{_name}" })
            Assert.Contains(macro, help);
    }
}
