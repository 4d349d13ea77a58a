using Bunit;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Postbacks;
using Tracker.Web.Components.Pages.Clicks;

namespace Tracker.Tests.Components;

/// <summary>The clicks list's Revenue column shows what a click earned: its conversion's money, told apart from CPC.</summary>
public sealed class ClicksPageRevenueTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ASaleShowsItsRevenueALeadShowsItsPayoutOnHoldAndAClickWithoutConversionShowsNone()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var auto = await bed.AddOfferAsync(o => o.PayoutAuto = true);
        var sold = await bed.AddClickAsync(auto);
        var lead = await bed.AddClickAsync(auto);
        var nothing = await bed.AddClickAsync(auto);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await bed.SendAsync($"subid={sold.SubId}&status=sale&payout=52.92")).Response.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await bed.SendAsync($"subid={lead.SubId}&status=lead&payout=7")).Response.StatusCode);

        await using var ctx = new AdminComponentContext(bed.App);
        var page = ctx.RenderWithProviders<ClicksPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=click-row]").Count), Wait);
        string Revenue(string subId) => page.FindAll("[data-testid=click-row]")
            .Single(row => row.QuerySelector("[data-testid=click-subid]")!.TextContent.Trim() == subId)
            .QuerySelector("[data-testid=click-revenue]")!.TextContent;

        Assert.Contains("52.92 USD", Revenue(sold.SubId));
        Assert.Contains("sale", Revenue(sold.SubId));
        Assert.Contains("lead, 7.00 USD on hold", Revenue(lead.SubId));
        Assert.StartsWith("—", Revenue(lead.SubId).Trim()); // on hold is not earned yet
        Assert.Equal("—", Revenue(nothing.SubId).Trim());
    }

    [Fact]
    public async Task AClicksPageShowsTheSameEarnedRevenueAsTheListWithItsParts()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var auto = await bed.AddOfferAsync(o => o.PayoutAuto = true);
        var sold = await bed.AddClickAsync(auto);
        var waiting = await bed.AddClickAsync(auto);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await bed.SendAsync($"subid={sold.SubId}&status=sale&payout=52.92")).Response.StatusCode);

        await using var ctx = new AdminComponentContext(bed.App);
        var page = ctx.Render<ClickDetailsPage>(p => p.Add(c => c.SubId, sold.SubId));
        page.WaitForAssertion(() => Assert.Contains("52.92 USD", page.Find("[data-testid=click-earned]").TextContent), Wait);
        Assert.Contains("conversion 52.92 USD (sale, rebills included)", page.Find("[data-testid=click-earned]").TextContent);
        Assert.DoesNotContain("CPA offers earn on conversion", page.Markup);

        var none = ctx.Render<ClickDetailsPage>(p => p.Add(c => c.SubId, waiting.SubId));
        none.WaitForAssertion(() => Assert.Contains("no conversion yet", none.Find("[data-testid=click-earned]").TextContent), Wait);
    }
}
