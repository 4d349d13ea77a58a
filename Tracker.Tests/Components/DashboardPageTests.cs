using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Core.Offers;
using Tracker.Core.Reports;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Postbacks;
using Tracker.Web.Components.Pages;
using Tracker.Web.Live;
using static Tracker.Tests.Infrastructure.FakeReportSource;

namespace Tracker.Tests.Components;

/// <summary>The dashboard in bUnit: a fresh install's checklist, and a working tracker's day at a glance.</summary>
public sealed class DashboardPageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static string CardText(IRenderedComponent<ContainerFragment> cut, string metric, string part) =>
        cut.Find($"[data-testid=dashboard-card][data-metric={metric}] [data-testid={part}]").TextContent.Trim();

    [Fact]
    public async Task AFreshInstallShowsWhatToDoFirst()
    {
        await using var app = new TrackerApplication();
        await using var ctx = new AdminComponentContext(app);
        ctx.Services.AddSingleton<IReportSource>(new FakeReportSource());

        var cut = ctx.RenderWithProviders<DashboardPage>();

        var setup = cut.WaitForElement("[data-testid=dashboard-setup]", Wait);
        Assert.Equal(["setup-network", "setup-offer", "setup-campaign", "setup-postback"],
            setup.QuerySelectorAll("[data-done]").Select(e => e.GetAttribute("data-testid")));
        Assert.All(setup.QuerySelectorAll("[data-done]"), e => Assert.Equal("false", e.GetAttribute("data-done")));
        Assert.Contains("Paste your postback URL into the network", setup.TextContent);
        Assert.Contains("/admin/networks", setup.InnerHtml);
        Assert.Contains("No clicks in the last 14 days", cut.Find("[data-testid=dashboard-no-traffic]").TextContent);
        Assert.Equal("0", CardText(cut, "clicks", "card-today"));
        Assert.Equal("—", CardText(cut, "epc", "card-today"));
        Assert.Contains("No offer has a daily conversion cap", cut.Find("[data-testid=caps-none]").TextContent);
        Assert.Contains("No postbacks yet", cut.Find("[data-testid=dashboard-postbacks]").TextContent);
    }

    [Fact]
    public async Task TodayAgainstYesterdayTopListsCapsAndPostbacksLive()
    {
        await using var bed = await PostbackTestBed.StartAsync(DateTimeOffset.UtcNow);
        var capped = await bed.AddOfferAsync(o =>
        {
            o.Name = "Capped casino";
            o.ConversionCap = new ConversionCap { Enabled = true, DailyLimit = 2, TimeZone = "UTC" };
        });
        await bed.AddOfferAsync(o =>
        {
            o.Name = "Roomy offer";
            o.ConversionCap = new ConversionCap { Enabled = true, DailyLimit = 100, TimeZone = "UTC" };
        });
        for (var i = 0; i < 2; i++)
        {
            var click = await bed.AddClickAsync(capped);
            await bed.SendAsync($"subid={click.SubId}&status=sale");
        }
        await bed.SendAsync("subid=nosuchclick&status=sale");

        var today = DateOnly.FromDateTime(bed.Now);
        var reports = new FakeReportSource();
        reports.Facts.Add(new Fact(today, 9, ("1", "C"), ("11", "Casino DE"), ("5", "Net A"), "DE", Counters(100, sales: 2, revenue: 30m, cost: 10m)));
        reports.Facts.Add(new Fact(today, 9, ("1", "C"), ("12", "Dating AT"), ("6", "Net B"), "AT", Counters(20, revenue: 10m)));
        reports.Facts.Add(new Fact(today.AddDays(-1), 9, ("1", "C"), ("11", "Casino DE"), ("5", "Net A"), "DE", Counters(100, sales: 2, revenue: 50m)));
        await using var ctx = new AdminComponentContext(bed.App);
        ctx.Services.AddSingleton<IReportSource>(reports);
        ctx.Services.AddSingleton<TimeProvider>(bed.Clock);

        var cut = ctx.RenderWithProviders<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("120", CardText(cut, "clicks", "card-today")), Wait);
        Assert.Equal("▲ 20% vs yesterday", CardText(cut, "clicks", "card-change"));
        Assert.Equal("40.00 USD", CardText(cut, "revenue", "card-today"));
        Assert.Equal("▼ 20% vs yesterday", CardText(cut, "revenue", "card-change"));
        Assert.Equal("yesterday 50.00 USD", CardText(cut, "revenue", "card-yesterday"));
        Assert.Equal("30.00 USD", CardText(cut, "profit", "card-today"));
        Assert.Equal("0.3333 USD", CardText(cut, "epc", "card-today"));
        Assert.Empty(cut.FindAll("[data-testid=dashboard-setup]"));
        // The last 14 days as a chart (its points are checked in ReportChartDataTests).
        Assert.NotNull(cut.Find("[data-testid=report-charts]"));
        Assert.Empty(cut.FindAll("[data-testid=dashboard-no-traffic]"));

        // Top lists: most revenue first.
        var offers = cut.Find("[data-testid=dashboard-top][data-dimension=offer]");
        Assert.Equal(["Casino DE", "Dating AT"], offers.QuerySelectorAll("[data-testid=top-row] td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Contains("DE", cut.Find("[data-testid=dashboard-top][data-dimension=country]").TextContent);

        // Only the offer that used 80% or more of its cap.
        var cap = Assert.Single(cut.FindAll("[data-testid=cap-row]"));
        Assert.Contains("Capped casino", cap.TextContent);
        Assert.Contains("2 / 2 today", cap.TextContent);

        // The last postbacks with their outcome, newest first.
        var outcomes = cut.FindAll("[data-testid=dashboard-postback-outcome]").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(3, outcomes.Length);
        Assert.Equal("unknown subid", outcomes[0]);

        // A click arrives: the cards follow (throttled, not instantly per click).
        reports.Facts.Add(new Fact(today, 10, ("1", "C"), ("12", "Dating AT"), ("6", "Net B"), "AT", Counters(30)));
        bed.App.Service<ChangeFeed>().Publish(new ChangeNotice(ChangeNotice.Click, 1, 1));
        cut.WaitForAssertion(() => Assert.Equal("150", CardText(cut, "clicks", "card-today")), Wait);
        Assert.Equal("▲ 50% vs yesterday", CardText(cut, "clicks", "card-change"));
    }
}
