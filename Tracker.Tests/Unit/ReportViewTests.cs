using Tracker.Core.Reports;
using Tracker.Web.Components.Pages.Reports;

namespace Tracker.Tests.Unit;

/// <summary>The Reports page's state in the address, and the drill-down rules, without a page.</summary>
public sealed class ReportViewTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    public static TheoryData<string> Addresses =>
    [
        "",
        "range=last7days",
        "range=lastmonth&group=day,offer&sort=-revenue",
        "from=2026-03-29&to=2026-03-29&tz=Europe%2FBerlin&group=hour",
        "group=affiliateNetwork,country,sub_id_1&affiliateNetworkId=5&country=DE&sub_id_1=zone%207%26a&cols=clicks,roi,cpc&sort=roi&attribution=conversion",
        "group=&source=",
    ];

    [Theory]
    [MemberData(nameof(Addresses))]
    public void AnAddressReadsBackToTheSameAddress(string query)
    {
        var view = ReportView.FromQuery(query, out var problems);

        Assert.Empty(problems);
        Assert.Equal(query, view.ToQuery());
        Assert.Equal(view.ToQuery(), ReportView.FromQuery(view.ToQuery(), out _).ToQuery());
    }

    [Fact]
    public void RelativeRangesStayRelative()
    {
        var view = ReportView.FromQuery("range=lastmonth", out _);

        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), view.Days(Today));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), view.Days(new DateOnly(2027, 1, 15)));
        Assert.Equal((new DateOnly(2026, 11, 24), Today), (view with { Range = DatePreset.Last7Days }).Days(Today));
    }

    [Fact]
    public void MistakesInTheAddressAreNamedAndLeftOut()
    {
        var view = ReportView.FromQuery("range=fortnight&tz=Mars%2FOlympus&group=offer,offer,nope&cols=clicks,bogus&sort=-magic&offerId=x&colour=red&attribution=sometimes", out var problems);

        Assert.Equal(DatePreset.Today, view.Range);
        Assert.Null(view.TimeZone);
        Assert.Equal([ReportDimension.Offer], view.GroupBy);
        Assert.Equal([ReportMetric.Clicks], view.Columns);
        Assert.Equal(ReportMetric.Clicks, view.SortBy);
        Assert.Empty(view.Filters);
        Assert.Equal(ReportAttribution.Click, view.Attribution);
        Assert.Equal(8, problems.Count);
        Assert.Contains(problems, p => p.Contains("'fortnight'"));
        Assert.Contains(problems, p => p.Contains("Mars/Olympus"));
        Assert.Contains(problems, p => p.Contains("'colour'"));
    }

    [Fact]
    public void DrillingIntoADayNarrowsTheRangeAndBreaksItDownByHour()
    {
        var view = new ReportView { Range = DatePreset.Last7Days, GroupBy = [ReportDimension.Day] };

        var drilled = view.DrillInto(new ReportKey(ReportDimension.Day, "2026-11-27", "2026-11-27"), Today);

        Assert.Equal((new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27)), drilled.Days(Today));
        Assert.Equal([ReportDimension.Hour], drilled.GroupBy);
        Assert.Empty(drilled.Filters);
        Assert.False(ReportView.CanDrill(new ReportKey(ReportDimension.Hour, "2026-11-27 10:00", "")));
    }

    [Fact]
    public void DrillingIntoAWeekKeepsToTheRangeShown()
    {
        var view = new ReportView { Range = DatePreset.ThisMonth, GroupBy = [ReportDimension.Week, ReportDimension.Offer] };

        // ISO week 2026-W44 runs from Monday 26 October to Sunday 1 November.
        var drilled = view.DrillInto(new ReportKey(ReportDimension.Week, "2026-W44", "2026-W44"), Today);

        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1)), drilled.Days(Today));
        Assert.Equal([ReportDimension.Offer], drilled.GroupBy);
    }

    [Fact]
    public void DrillingIntoAValueFiltersByItAndGoesOneLevelDeeper()
    {
        var view = new ReportView { GroupBy = [ReportDimension.Campaign, ReportDimension.Country] };

        var drilled = view.DrillInto(new ReportKey(ReportDimension.Campaign, "7", "Summer"), Today);

        Assert.Equal([new ReportFilter(ReportDimension.Campaign, "7")], drilled.Filters);
        Assert.Equal([ReportDimension.Country], drilled.GroupBy);
        Assert.Equal("group=country&campaignId=7", drilled.ToQuery());
    }

    [Fact]
    public void AtMostThreeGroupLevelsAndEachOnce()
    {
        var view = new ReportView { GroupBy = [] }
            .WithGroupAdded(ReportDimension.Day).WithGroupAdded(ReportDimension.Day)
            .WithGroupAdded(ReportDimension.Offer).WithGroupAdded(ReportDimension.Country).WithGroupAdded(ReportDimension.Source);

        Assert.Equal([ReportDimension.Day, ReportDimension.Offer, ReportDimension.Country], view.GroupBy);
        Assert.Equal([ReportDimension.Offer, ReportDimension.Day, ReportDimension.Country], view.WithGroupMovedUp(ReportDimension.Offer).GroupBy);
    }
}
