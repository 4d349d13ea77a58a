using Bunit;
using Tracker.Core.Networks;
using Tracker.Core.Validation;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Components.Pages.Networks;

namespace Tracker.Tests.Components;

public sealed class NetworkFormTests : IAsyncDisposable
{
    private const string TrackerPostbackUrl = "https://trk.example.com/k3y/postback";
    private readonly AdminComponentContext _ctx = new();

    private IRenderedComponent<NetworkForm> RenderForm(AffiliateNetwork model, ValidationErrors? errors = null) =>
        _ctx.Render<NetworkForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.TrackerPostbackUrl, TrackerPostbackUrl)
            .Add(f => f.Errors, errors ?? new ValidationErrors()));

    [Fact]
    public void SubidWarningShowsUntilTheOfferParametersCarryTheSubid()
    {
        var model = new AffiliateNetwork { Name = "Affise" };
        var form = RenderForm(model);
        Assert.Contains("postbacks won't work", form.Find("[data-testid=subid-warning]").TextContent);

        form.Find("[data-testid=network-offer-parameters]").Input("&sub1=");
        Assert.Single(form.FindAll("[data-testid=subid-warning]"));

        form.Find("[data-testid=network-offer-parameters]").Input("&sub1={subid}");
        Assert.Empty(form.FindAll("[data-testid=subid-warning]"));
        Assert.Equal("&sub1={subid}", model.OfferParameters);
        Assert.Contains("https://network.example/click?o=77&sub1=8kq3v2m7x1c9", form.Find("[data-testid=offer-parameters-example]").TextContent);
    }

    [Theory]
    [InlineData("/{subid}", "https://network.example/click/77/8kq3v2m7x1c9")]
    [InlineData("&aff_sub={_subid}", "https://network.example/click?o=77&aff_sub=8kq3v2m7x1c9")]
    public void PathStyleAndRawSubidCountAsCarryingTheSubid(string parameters, string example)
    {
        var form = RenderForm(new AffiliateNetwork { Name = "N", OfferParameters = parameters });
        Assert.Empty(form.FindAll("[data-testid=subid-warning]"));
        Assert.Contains(example, form.Find("[data-testid=offer-parameters-example]").TextContent);
    }

    [Fact]
    public void PostbackUrlForTheNetworkFollowsItsPostbackParameters()
    {
        var form = RenderForm(new AffiliateNetwork { Name = "N", OfferParameters = "&s2={subid}" });
        Assert.Equal(TrackerPostbackUrl, form.Find("[data-testid=network-postback-url] input").GetAttribute("value"));

        form.Find("[data-testid=network-postback-parameters]").Input("subid=#s2#&payout=#price#");
        Assert.Equal(TrackerPostbackUrl + "?subid=#s2#&payout=#price#", form.Find("[data-testid=network-postback-url] input").GetAttribute("value"));
    }

    [Fact]
    public void ValidationMessagesAppearUnderTheirFields()
    {
        var errors = NetworkValidator.Validate(new AffiliateNetwork { Name = " ", OfferParameters = "sub1={subid}" });
        var form = RenderForm(new AffiliateNetwork { Name = "", OfferParameters = "sub1={subid}" }, errors);
        Assert.Contains("Give the network a name.", form.Markup);
        Assert.Contains("Start with '&amp;' for query parameters", form.Markup);
        // An invalid value gets no example link that would suggest it works.
        Assert.Empty(form.FindAll("[data-testid=offer-parameters-example]"));
    }

    [Fact]
    public void ANetworkFromATemplateSaysWhereItCameFrom()
    {
        var form = RenderForm(NetworkTemplateCatalog.Find("cake")!.ToNetwork());
        Assert.Contains("CAKE", form.Find("[data-testid=template-origin]").TextContent);
        Assert.Empty(form.FindAll("[data-testid=subid-warning]"));
    }

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();
}
