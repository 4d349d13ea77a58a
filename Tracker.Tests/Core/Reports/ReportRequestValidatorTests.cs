using Tracker.Core.Reports;
using Tracker.Core.Validation;

namespace Tracker.Tests.Core.Reports;

public sealed class ReportRequestValidatorTests
{
    private static ReportRequestInput Input(string? from = "2026-11-01", string? to = "2026-11-30", string? zone = null,
        string?[]? groupBy = null, Dictionary<string, string?>? filters = null, string? attribution = null, string? sortBy = null, int? limit = null) =>
        new(from, to, zone, groupBy, filters, attribution, sortBy, null, limit);

    private static ValidationErrors Errors(ReportRequestInput input)
    {
        var errors = new ValidationErrors();
        Assert.Null(ReportRequestValidator.Parse(input, "UTC", errors));
        return errors;
    }

    [Fact]
    public void AValidRequestIsParsedWithDefaults()
    {
        var errors = new ValidationErrors();
        var request = ReportRequestValidator.Parse(Input(groupBy: ["day", "offer", "sub_id_1"],
            filters: new() { ["offerId"] = "12", ["country"] = "de", ["sub_id_2"] = "" }, attribution: "conversion"), "Asia/Kolkata", errors);
        Assert.True(errors.IsValid);
        Assert.NotNull(request);
        Assert.Equal("Asia/Kolkata", request.TimeZone);
        Assert.Equal([ReportDimension.Day, ReportDimension.Offer, ReportDimension.SubId1], request.GroupBy);
        Assert.Equal([new ReportFilter(ReportDimension.Offer, "12"), new ReportFilter(ReportDimension.Country, "DE"), new ReportFilter(ReportDimension.SubId2, "")], request.Filters);
        Assert.Equal(ReportAttribution.Conversion, request.Attribution);
        Assert.True(request.SortByKeys, "time first: rows in time order");
        Assert.False(request.SortDescending);
        Assert.Equal(500, request.Limit);
    }

    [Theory]
    [InlineData("from", null, "2026-11-30")]
    [InlineData("from", "30.11.2026", "2026-11-30")]
    [InlineData("to", "2026-11-01", "2026-02-30")]
    [InlineData("to", "2026-11-30", "2026-11-01")]
    [InlineData("from", "1999-12-31", "2026-11-01")]
    [InlineData("to", "2026-11-01", "2100-01-01")]
    [InlineData("to", "2000-01-01", "2099-12-31")]
    public void BadDatesNameTheirField(string field, string? from, string to) =>
        Assert.NotEmpty(Errors(Input(from, to)).For(field));

    [Fact]
    public void EachRuleNamesItsField()
    {
        Assert.NotEmpty(Errors(Input(zone: "Europe/Atlantis")).For("timeZone"));
        Assert.NotEmpty(Errors(Input(groupBy: ["offer", "planet"])).For("groupBy"));
        Assert.NotEmpty(Errors(Input(groupBy: ["offer", "offer"])).For("groupBy"));
        Assert.NotEmpty(Errors(Input(groupBy: ["day", "offer", "country", "stream"])).For("groupBy"));
        Assert.NotEmpty(Errors(Input(from: "2026-10-30", groupBy: ["hour"])).For("groupBy"));
        Assert.NotEmpty(Errors(Input(filters: new() { ["offerId"] = "abc" })).For("filters.offerId"));
        Assert.NotEmpty(Errors(Input(filters: new() { ["campaignId"] = "0" })).For("filters.campaignId"));
        Assert.NotEmpty(Errors(Input(filters: new() { ["affiliateNetworkId"] = null })).For("filters.affiliateNetworkId"));
        Assert.NotEmpty(Errors(Input(filters: new() { ["country"] = "XX" })).For("filters.country"));
        Assert.NotEmpty(Errors(Input(filters: new() { ["hour"] = "1" })).For("filters.hour"));
        Assert.NotEmpty(Errors(Input(filters: new() { ["keyword"] = new string('k', 501) })).For("filters.keyword"));
        Assert.NotEmpty(Errors(Input(attribution: "last_touch")).For("attribution"));
        Assert.NotEmpty(Errors(Input(sortBy: "money")).For("sort.by"));
        Assert.NotEmpty(Errors(Input(limit: 0)).For("limit"));
        Assert.NotEmpty(Errors(Input(limit: 10_001)).For("limit"));
    }

    [Fact]
    public void HourGroupingCoversAtMost31Days()
    {
        var errors = new ValidationErrors();
        Assert.NotNull(ReportRequestValidator.Parse(Input("2026-10-31", "2026-11-30", groupBy: ["hour"]), "UTC", errors));
        Assert.NotEmpty(Errors(Input("2026-10-30", "2026-11-30", groupBy: ["hour"])).For("groupBy"));
    }

    [Fact]
    public void TheEngineRefusesWhatTheValidatorRefuses()
    {
        var request = new ReportRequest { From = new DateOnly(2026, 11, 2), To = new DateOnly(2026, 11, 1) };
        var ex = Assert.Throws<ArgumentException>(() => ReportRequestValidator.Require(request, "UTC"));
        Assert.StartsWith("to:", ex.Message);
    }

    [Fact]
    public void EveryMetricAndGroupingHasATooltip()
    {
        Assert.All(ReportNames.AllMetrics, m => Assert.EndsWith(".", ReportNames.Description(m)));
        Assert.All(ReportNames.AllDimensions, d => Assert.EndsWith(".", ReportNames.Description(d)));
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reports.md"));
        Assert.All(ReportNames.AllMetrics, m => Assert.Contains(ReportNames.Description(m), docs));
    }
}
