using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Core.Reports;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Components.Pages.Reports;
using Tracker.Web.Live;
using static Tracker.Tests.Infrastructure.FakeReportSource;

namespace Tracker.Tests.Components;

/// <summary>
/// The Reports page in bUnit over a real host (settings, catalogue, presets in SQLite) with a report
/// source that sums known facts, so every control can be checked against what it asks and shows.
/// </summary>
public sealed class ReportsPageTests : AdminComponentContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TrackerApplication _app;
    private readonly FakeReportSource _reports = new();
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public ReportsPageTests() : this(new TrackerApplication())
    {
    }

    private ReportsPageTests(TrackerApplication app) : base(app)
    {
        _app = app;
        Services.AddSingleton<IReportSource>(_reports);
    }

    public ValueTask InitializeAsync()
    {
        // Start the host (migrations, settings) before the page asks it for anything.
        _ = _app.Services;
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private void SeedTwoCampaigns()
    {
        _reports.Facts.Add(new Fact(Today, 9, ("1", "Summer push"), ("11", "Casino DE"), ("5", "Net A"), "DE", Counters(120, sales: 3, revenue: 45m, cost: 12m)));
        _reports.Facts.Add(new Fact(Today, 10, ("1", "Summer push"), ("12", "Dating AT"), ("6", "Net B"), "AT", Counters(30, sales: 1, revenue: 5.5m, cost: 9m)));
        _reports.Facts.Add(new Fact(Today, 11, ("2", "Winter, test"), ("12", "Dating AT"), ("6", "Net B"), "AT", Counters(50, revenue: 0m, cost: 0m)));
    }

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    private static string[] Column(IRenderedComponent<ContainerFragment> cut, string selector) =>
        cut.FindAll($"[data-testid=report-row] {selector}").Select(e => e.TextContent.Trim()).ToArray();

    private static string[] Keys(IRenderedComponent<ContainerFragment> cut) => Column(cut, "[data-testid=report-key]");

    private static string Cell(IRenderedComponent<ContainerFragment> cut, int row, string metric) =>
        cut.FindAll("[data-testid=report-row]")[row].QuerySelector($"td[data-metric={metric}]")!.TextContent.Trim();

    private static string Total(IRenderedComponent<ContainerFragment> cut, string metric) =>
        cut.Find($"[data-testid=report-totals] td[data-metric={metric}]").TextContent.Trim();

    private IRenderedComponent<ContainerFragment> Open(string query = "")
    {
        Nav.NavigateTo("/admin/reports" + query);
        var cut = RenderWithProviders<ReportsPage>();
        return cut;
    }

    [Fact]
    public void RowsTotalsMoneyAndUndefinedRatiosAreShownInOneFormat()
    {
        SeedTwoCampaigns();
        var cut = Open();

        cut.WaitForAssertion(() => Assert.Equal(["Summer push", "Winter, test"], Keys(cut)), Wait);
        Assert.Equal("150", Cell(cut, 0, "clicks"));
        Assert.Equal("50.50 USD", Cell(cut, 0, "revenue"));
        Assert.Equal("29.50 USD", Cell(cut, 0, "profit"));
        Assert.Equal("140.48%", Cell(cut, 0, "roi"));
        Assert.Equal("0.3367 USD", Cell(cut, 0, "epc"));
        // No cost, so no ROI: an undefined ratio is "—", never 0% or an error.
        Assert.Equal("—", Cell(cut, 1, "roi"));
        Assert.Equal("200", Total(cut, "clicks"));
        Assert.Equal("4", Total(cut, "conversions"));
        Assert.Equal("50.50 USD", Total(cut, "revenue"));
        Assert.Equal("2%", Total(cut, "cr"));
        // Every metric header explains itself.
        Assert.All(cut.FindAll("[data-testid=metric-header]"), h => Assert.NotNull(h.GetAttribute("aria-label")));
        Assert.Contains(cut.FindComponents<MudBlazor.MudTooltip>(), t => t.Instance.Text == "Profit: " + ReportNames.Description(ReportMetric.Profit));
    }

    [Fact]
    public void GroupByChipsAddSwapAndRemoveLevelsAndTheAddressFollows()
    {
        SeedTwoCampaigns();
        var cut = Open();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=report-row]").Count), Wait);

        cut.Find("[data-testid=group-add] button").Click();
        cut.WaitForElement("[data-testid=group-option][data-dimension=offer]").Click();

        cut.WaitForAssertion(() => Assert.Equal([ReportDimension.Campaign, ReportDimension.Offer], _reports.LastTableRequest!.GroupBy), Wait);
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=report-row]").Count), Wait);
        Assert.Equal(["Campaign", "Offer"], cut.FindAll("[data-testid=report-group-header]").Select(h => h.TextContent.Trim()));
        Assert.Contains("group=campaign,offer", Nav.Uri);

        cut.Find("[data-testid=group-swap]").Click();
        cut.WaitForAssertion(() => Assert.Equal([ReportDimension.Offer, ReportDimension.Campaign], _reports.LastTableRequest!.GroupBy), Wait);
        Assert.Equal(["1. Offer", "2. Campaign"], cut.FindAll("[data-testid=group-chip]").Select(c => c.TextContent.Trim()));

        cut.Find("[data-testid=group-chip][data-dimension=offer] .mud-chip-close-button").Click();
        cut.WaitForAssertion(() => Assert.Equal([ReportDimension.Campaign], _reports.LastTableRequest!.GroupBy), Wait);
        Assert.DoesNotContain("group=", Nav.Uri);
    }

    [Fact]
    public void ClickingARowDrillsDownAndTheFilterChipTakesItBack()
    {
        SeedTwoCampaigns();
        var cut = Open();
        cut.WaitForAssertion(() => Assert.Equal(["Summer push", "Winter, test"], Keys(cut)), Wait);

        cut.FindAll("[data-testid=report-row]")[0].Click();

        // Filtered to the campaign, one level deeper (its offers).
        cut.WaitForAssertion(() => Assert.Equal(["Casino DE", "Dating AT"], Keys(cut)), Wait);
        var request = _reports.LastTableRequest!;
        Assert.Equal([new ReportFilter(ReportDimension.Campaign, "1")], request.Filters);
        Assert.Equal([ReportDimension.Offer], request.GroupBy);
        Assert.Equal("Campaign: Summer push", cut.Find("[data-testid=filter-chip]").TextContent.Trim());
        Assert.Equal("150", Total(cut, "clicks"));
        Assert.Contains("campaignId=1", Nav.Uri);

        // And deeper again: the offer by country.
        cut.FindAll("[data-testid=report-row]")[0].Click();
        cut.WaitForAssertion(() => Assert.Equal(["DE"], Keys(cut)), Wait);
        Assert.Equal(2, cut.FindAll("[data-testid=filter-chip]").Count);

        cut.Find("[data-testid=filter-chip][data-dimension=campaign] .mud-chip-close-button").Click();
        cut.WaitForAssertion(() => Assert.Equal([new ReportFilter(ReportDimension.Offer, "11")], _reports.LastTableRequest!.Filters), Wait);
        Assert.DoesNotContain("campaignId", Nav.Uri);
    }

    [Fact]
    public void ClickingAMetricHeaderSortsByItAndAgainFlipsTheOrder()
    {
        SeedTwoCampaigns();
        var cut = Open("?group=offer&cols=clicks,cost,cpc");
        cut.WaitForAssertion(() => Assert.Equal(["Casino DE", "Dating AT"], Keys(cut)), Wait);

        // CPC: 12 / 120 = 0.10 for Casino DE, 9 / 80 = 0.1125 for Dating AT.
        cut.Find("[data-testid=metric-header][data-metric=cpc]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Dating AT", "Casino DE"], Keys(cut)), Wait);
        Assert.Equal((ReportMetric.Cpc, true), (_reports.LastTableRequest!.SortBy, _reports.LastTableRequest.SortDescending));
        Assert.Contains("sort=-cpc", Nav.Uri);
        Assert.Single(cut.FindAll("[data-testid=metric-header][data-metric=cpc] [data-testid=sort-indicator]"));
        Assert.Equal(["0.1125 USD", "0.10 USD"], Column(cut, "td[data-metric=cpc]"));

        cut.Find("[data-testid=metric-header][data-metric=cpc]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Casino DE", "Dating AT"], Keys(cut)), Wait);
        Assert.False(_reports.LastTableRequest!.SortDescending);
        Assert.Contains("sort=cpc", Nav.Uri);
    }

    [Fact]
    public void TheAddressRestoresTheWholeReport()
    {
        SeedTwoCampaigns();
        var from = Today.AddDays(-3).ToString("yyyy-MM-dd");
        var to = Today.ToString("yyyy-MM-dd");
        var cut = Open($"?from={from}&to={to}&tz=Asia%2FKolkata&group=offer,country&offerId=12&cols=clicks,revenue,epc&sort=-revenue&attribution=conversion");

        cut.WaitForAssertion(() => Assert.Equal(["Dating AT", "AT"], Keys(cut)), Wait);
        var request = _reports.LastTableRequest!;
        Assert.Equal((Today.AddDays(-3), Today), (request.From, request.To));
        Assert.Equal("Asia/Kolkata", request.TimeZone);
        Assert.Equal([ReportDimension.Offer, ReportDimension.Country], request.GroupBy);
        Assert.Equal([new ReportFilter(ReportDimension.Offer, "12")], request.Filters);
        Assert.Equal((ReportMetric.Revenue, true), (request.SortBy, request.SortDescending));
        Assert.Equal(ReportAttribution.Conversion, request.Attribution);
        Assert.Equal(["clicks", "revenue", "epc"], cut.FindAll("[data-testid=metric-header]").Select(h => h.GetAttribute("data-metric")));
        Assert.Empty(cut.FindAll("[data-testid=report-problem]"));
    }

    [Fact]
    public async Task ACustomRangeAndAnotherZoneAreAskedForAndKeptInTheAddress()
    {
        SeedTwoCampaigns();
        var cut = Open("?range=yesterday");
        cut.WaitForElement("[data-testid=report-empty]", Wait);
        Assert.Equal((Today.AddDays(-1), Today.AddDays(-1)), (_reports.LastTableRequest!.From, _reports.LastTableRequest.To));

        var range = cut.FindComponent<MudBlazor.MudSelect<DatePreset>>();
        await cut.InvokeAsync(() => range.Instance.ValueChanged.InvokeAsync(DatePreset.Custom));
        var picker = cut.WaitForComponent<MudBlazor.MudDateRangePicker>();
        var from = Today.AddDays(-10);
        await cut.InvokeAsync(() => picker.Instance.DateRangeChanged.InvokeAsync(new MudBlazor.DateRange(from.ToDateTime(TimeOnly.MinValue), Today.ToDateTime(TimeOnly.MinValue))));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=report-row]").Count), Wait);
        Assert.Equal((from, Today), (_reports.LastTableRequest!.From, _reports.LastTableRequest.To));
        Assert.Contains($"from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Nav.Uri);

        var zone = cut.FindComponent<MudBlazor.MudAutocomplete<string>>();
        await cut.InvokeAsync(() => zone.Instance.ValueChanged.InvokeAsync("Asia/Kathmandu"));
        cut.WaitForAssertion(() => Assert.Equal("Asia/Kathmandu", _reports.LastTableRequest!.TimeZone), Wait);
        Assert.Contains("tz=Asia%2FKathmandu", Nav.Uri);
        Assert.Equal("Asia/Kathmandu", _reports.Requests[^1].TimeZone);
    }

    [Fact]
    public void ExportedCsvIsExactlyTheTableWithItsTotals()
    {
        SeedTwoCampaigns();
        var cut = Open("?cols=clicks,revenue,roi,epc");
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=report-row]").Count), Wait);

        cut.Find("[data-testid=export-csv]").Click();

        cut.WaitForAssertion(() => Assert.Single(JSInterop.Invocations["tracker.download"]), Wait);
        var call = JSInterop.Invocations["tracker.download"].Single();
        Assert.Equal($"report-{Today:yyyy-MM-dd}-campaign.csv", call.Arguments[0]);
        var lines = ((string)call.Arguments[2]!).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Campaign,Clicks,Revenue (USD),ROI (%),EPC (USD)", lines[0]);
        // The table's rows and totals, number by number: separators and units off, "—" as an empty cell.
        var table = cut.FindAll("[data-testid=report-row], [data-testid=report-totals]")
            .Select(tr => string.Join(',', tr.QuerySelectorAll("td").Select(td => Plain(td.TextContent.Trim()))))
            .ToArray();
        Assert.Equal(table, lines[1..]);
        Assert.Equal("\"Winter, test\",50,0.00,,0.00", lines[2]);
        Assert.Equal("Total,200,50.50,140.48,0.2525", lines[3]);
    }

    private static string Plain(string cell)
    {
        if (cell == ReportFormat.Undefined) return "";
        var text = cell.Replace(" USD", "").Replace("%", "");
        // Numbers lose their thousands separators; names that hold a comma are quoted, as CSV does.
        return decimal.TryParse(text.Replace(",", ""), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? text.Replace(",", "")
            : text.Contains(',') ? $"\"{text}\"" : text;
    }

    [Fact]
    public void WithoutTrafficThePageSaysWhatProducesData()
    {
        var cut = Open();

        var empty = cut.WaitForElement("[data-testid=report-empty]", Wait);
        Assert.Contains("No clicks or conversions", empty.TextContent);
        Assert.Contains("tracking links", empty.TextContent);
        Assert.Contains("postback URL", empty.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=report-table]"));
    }

    [Fact]
    public async Task BadInputIsAClearMessageNotACrash()
    {
        SeedTwoCampaigns();
        var cut = Open("?from=2026-11-10&to=2026-11-01&group=campaign,nonsense&offerId=abc");

        cut.WaitForAssertion(() => Assert.Contains("starts after it ends", cut.Find("[data-testid=report-error]").TextContent), Wait);
        var problems = cut.FindAll("[data-testid=report-problem]").Select(p => p.TextContent).ToArray();
        Assert.Contains(problems, p => p.Contains("Unknown grouping 'nonsense'"));
        Assert.Contains(problems, p => p.Contains("offerId must be a number"));
        Assert.Empty(cut.FindAll("[data-testid=report-table]"));

        // The engine's own refusal is shown as its message, and the page keeps working.
        _reports.NextError = new ArgumentException("groupBy: hour grouping covers at most 31 days.");
        var range = cut.FindComponent<MudBlazor.MudSelect<DatePreset>>();
        await cut.InvokeAsync(() => range.Instance.ValueChanged.InvokeAsync(DatePreset.Today));
        cut.WaitForAssertion(() => Assert.Contains("hour grouping covers at most 31 days", cut.Find("[data-testid=report-error]").TextContent), Wait);
        Assert.DoesNotContain("from=", Nav.Uri);

        // Fixed: the report is back.
        await cut.InvokeAsync(() => range.Instance.ValueChanged.InvokeAsync(DatePreset.Last7Days));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=report-row]").Count), Wait);
        Assert.Empty(cut.FindAll("[data-testid=report-error]"));
    }

    [Fact]
    public void NumbersRefreshWhenClicksArrive()
    {
        SeedTwoCampaigns();
        var cut = Open();
        cut.WaitForAssertion(() => Assert.Equal("200", Total(cut, "clicks")), Wait);

        _reports.Facts.Add(new Fact(Today, 12, ("2", "Winter, test"), ("12", "Dating AT"), ("6", "Net B"), "AT", Counters(7)));
        _app.Service<ChangeFeed>().Publish(new ChangeNotice(ChangeNotice.Click, 1, 1));

        cut.WaitForAssertion(() => Assert.Equal("207", Total(cut, "clicks")), Wait);
    }

    [Fact]
    public async Task APresetSavesTheReport()
    {
        SeedTwoCampaigns();
        var cut = Open("?group=offer&sort=-revenue");
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=report-row]").Count), Wait);

        cut.Find("[data-testid=presets-menu] button").Click();
        cut.WaitForElement("[data-testid=preset-save]").Click();
        cut.WaitForElement("#preset-name").Input("Offers by revenue");
        cut.Find("[data-testid=preset-dialog-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Preset 'Offers by revenue' saved", cut.Markup), Wait);
        var saved = Assert.Single(await _app.Service<Tracker.Web.ReportPresets.ReportPresetStore>().ListAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Equal("Offers by revenue", saved.Name);
        Assert.Equal("group=offer&sort=-revenue", saved.Query);
    }
}
