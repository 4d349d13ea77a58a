using Tracker.Core.Reports;
using Tracker.Web.Components.Pages.Reports;

namespace Tracker.Tests.Unit;

/// <summary>The points behind the dashboard's 14-day chart and the chart above a report.</summary>
public sealed class ReportChartDataTests
{
    private static ReportCounters Counters(long clicks, long sales = 0, long revenueMicros = 0, long costMicros = 0) =>
        new(clicks, clicks, 0, sales, 0, 0, revenueMicros, 0, costMicros);

    private static ReportResult Result(ReportDimension dimension, params (string Key, ReportCounters Counters)[] rows) =>
        new([.. rows.Select(r => new ReportRow([new ReportKey(dimension, r.Key, r.Key)], r.Counters))], default, "USD", "UTC", false);

    [Fact]
    public void FourteenDaysHaveFourteenPointsAndDaysWithoutTrafficAreZeros()
    {
        var from = new DateOnly(2026, 11, 17);
        var to = new DateOnly(2026, 11, 30);
        var data = ReportChartData.Of(Result(ReportDimension.Day,
            ("2026-11-18", Counters(5, sales: 1, revenueMicros: 12_500_000, costMicros: 2_500_000)),
            ("2026-11-30", Counters(3))), from, to, hourly: false);

        Assert.Equal(14, data.Labels.Count);
        Assert.Equal("Nov 17", data.Labels[0]);
        Assert.Equal("Nov 30", data.Labels[^1]);
        Assert.Equal([0L, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3], data.Clicks);
        Assert.Equal(1, data.Conversions[1]);
        Assert.Equal(12.5m, data.Revenue[1]);
        Assert.Equal(10m, data.Profit[1]);
        Assert.True(data.HasData);
    }

    [Fact]
    public void OneDayIsChartedHourByHourAndNoTrafficIsNoData()
    {
        var day = new DateOnly(2026, 11, 30);
        var data = ReportChartData.Of(Result(ReportDimension.Hour, ("2026-11-30 14:00", Counters(7))), day, day, hourly: true);

        Assert.Equal(24, data.Labels.Count);
        Assert.Equal("14:00", data.Labels[14]);
        Assert.Equal(7, data.Clicks[14]);
        Assert.Equal(7, data.Clicks.Sum());

        Assert.False(ReportChartData.Of(Result(ReportDimension.Hour), day, day, hourly: true).HasData);
    }
}
