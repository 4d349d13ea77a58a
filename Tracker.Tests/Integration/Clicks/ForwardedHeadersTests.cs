using Tracker.Tests.Infrastructure;
using static Tracker.Tests.Integration.Clicks.ClickTestKit;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>Behind a reverse proxy the visitor's address comes from X-Forwarded-For, but only when a configured known proxy sent it.</summary>
public sealed class ForwardedHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TrackerApplication BehindProxy() => CreateApp(settings: new()
    {
        ["ForwardedHeaders:ForwardedHeaders"] = "XForwardedFor,XForwardedProto",
        ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
    });

    [Fact]
    public async Task ClickThroughAKnownProxyIsAttributedToTheForwardedAddress()
    {
        await using var app = BehindProxy();
        await app.SimpleCampaignAsync("proxied");
        var client = app.Visitor("10.0.0.5");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", AmericanIp);

        await client.GetAsync("/proxied", Ct);

        var click = Assert.Single(await app.ClicksAsync());
        Assert.Equal(AmericanIp, click.Ip);
        Assert.Equal("US", click.Country);
    }

    [Fact]
    public async Task ForwardedHeaderFromAnUnknownSourceIsIgnored()
    {
        await using var app = BehindProxy();
        await app.SimpleCampaignAsync("direct");
        var client = app.Visitor(GermanIp);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", AmericanIp);

        await client.GetAsync("/direct", Ct);

        var click = Assert.Single(await app.ClicksAsync());
        Assert.Equal(GermanIp, click.Ip);
        Assert.Equal("DE", click.Country);
    }
}
