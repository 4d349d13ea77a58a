using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Postbacks;
using Tracker.Web.Components.Pages.Conversions;
using Tracker.Web.Components.Pages.Settings;
using Tracker.Web.Conversions;

namespace Tracker.Tests.Components;

/// <summary>Conversions waiting for an exchange rate are shown where the affiliate looks, and adding the rate converts them.</summary>
public sealed class PendingRatesNoticeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static string Text(IRenderedComponent<ContainerFragment> page) => string.Concat(page.Nodes.Select(n => n.TextContent));

    private static async Task<(PostbackTestBed Bed, string SubId)> WaitingConversionAsync()
    {
        var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync(o => o.PayoutAuto = true));
        var (response, _) = await bed.SendAsync($"subid={click.SubId}&payout=25&currency=BRL");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (bed, click.SubId);
    }

    [Fact]
    public async Task SettingsSaysHowManyWaitAndAddingTheRateThereConvertsThem()
    {
        var (bed, subId) = await WaitingConversionAsync();
        await using var _ = bed;
        await using var ctx = new AdminComponentContext(bed.App);
        var page = ctx.RenderWithProviders<SettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("1 conversion waits for a rate for BRL", Text(page)), Wait);
        page.Find("[data-testid=add-pending-rate-BRL]").Click();
        var index = page.FindAll("[data-testid=rate-row]").Count - 1;
        Assert.Equal("BRL", page.Find($"[data-testid=rate-currency-{index}]").GetAttribute("value"));
        page.Find($"[data-testid=rate-value-{index}]").Input("0.2");
        page.Find("[data-testid=settings-save]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=pending-rate-notice]")), Wait);
        var conversion = await bed.ConversionAsync(subId);
        Assert.Equal((5_000_000L, null), (conversion!.RevenueMicros, conversion.PendingCurrency));
    }

    [Fact]
    public async Task TheConversionsPageShowsTheBadgeTheWarningAndFiltersByIt()
    {
        var (bed, waitingSubId) = await WaitingConversionAsync();
        await using var _ = bed;
        var paid = await bed.AddClickAsync(await bed.AddOfferAsync());
        await bed.SendAsync($"subid={paid.SubId}");
        await using var ctx = new AdminComponentContext(bed.App);
        var page = ctx.RenderWithProviders<ConversionsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=conversion-subid]").Count), Wait);
        Assert.Contains("25.00 BRL · waits for rate", page.Find("[data-testid=conversion-awaiting-rate-badge]").TextContent);
        Assert.Contains("1 conversion waits for an exchange rate for BRL", page.Find("[data-testid=conversions-pending-rate]").TextContent);

        var toggle = page.FindComponent<MudSwitch<bool>>();
        await page.InvokeAsync(() => toggle.Instance.ValueChanged.InvokeAsync(true));
        page.WaitForAssertion(() => Assert.Equal([waitingSubId], page.FindAll("[data-testid=conversion-subid]").Select(e => e.TextContent.Trim())), Wait);

        // The calendar's edges are "no limit", not a crash.
        var picker = page.FindComponent<MudDateRangePicker>();
        await page.InvokeAsync(() => picker.Instance.DateRangeChanged.InvokeAsync(new DateRange(DateTime.MinValue.Date, DateTime.MaxValue.Date)));
        page.WaitForAssertion(() => Assert.Equal([waitingSubId], page.FindAll("[data-testid=conversion-subid]").Select(e => e.TextContent.Trim())), Wait);
        Assert.NotNull(bed.App.Services.GetRequiredService<PendingRateConversions>());
    }
}
