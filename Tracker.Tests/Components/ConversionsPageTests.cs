using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Tracker.Core.Conversions;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Postbacks;
using Tracker.Web.Components.Pages.Conversions;
using Tracker.Web.Conversions;
using TestContext = Xunit.TestContext;

namespace Tracker.Tests.Components;

/// <summary>The conversions page's filters over a real host's conversions, rendered by bUnit.</summary>
public sealed class ConversionsPageTests : MudComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<(PostbackTestBed Bed, string First, string Second)> SeedAsync()
    {
        // 22:30 UTC on 1 March is 2 March in Tokyo; a day later it is 3 March there.
        var bed = await PostbackTestBed.StartAsync(new DateTimeOffset(2026, 3, 1, 22, 30, 0, TimeSpan.Zero));
        await bed.SetExchangeRatesAsync("USD", [], timeZone: "Asia/Tokyo");
        var offer = await bed.AddOfferAsync(o => o.Name = "Tokyo offer");
        var first = await bed.AddClickAsync(offer);
        await bed.SendAsync($"subid={first.SubId}&status=lead");
        bed.Clock.Advance(TimeSpan.FromDays(1));
        var second = await bed.AddClickAsync(await bed.AddOfferAsync(o => o.Name = "Other offer"));
        await bed.SendAsync($"subid={second.SubId}");
        UseTracker(bed.App);
        Services.AddSingleton(bed.App.Services.GetRequiredService<ConversionQueries>());
        Services.AddSingleton(bed.App.Services.GetRequiredService<ConversionCapCounter>());
        Services.AddSingleton(bed.App.Services.GetRequiredService<PendingRateConversions>());
        return (bed, first.SubId, second.SubId);
    }

    private static string[] ShownSubIds(IRenderedComponent<ConversionsPage> cut) =>
        cut.FindAll("[data-testid=conversion-subid]").Select(e => e.TextContent.Trim()).ToArray();

    [Fact]
    public async Task DateRangeIsDaysInTheSettingsTimeZone()
    {
        var (bed, first, second) = await SeedAsync();
        await using var _ = bed;
        var cut = Render<ConversionsPage>();
        cut.WaitForAssertion(() => Assert.Equal([second, first], ShownSubIds(cut)), Wait);
        Assert.Contains("Asia/Tokyo", cut.Markup);

        var picker = cut.FindComponent<MudDateRangePicker>();
        await cut.InvokeAsync(() => picker.Instance.DateRangeChanged.InvokeAsync(new DateRange(new DateTime(2026, 3, 2), new DateTime(2026, 3, 2))));
        cut.WaitForAssertion(() => Assert.Equal([first], ShownSubIds(cut)), Wait);

        await cut.InvokeAsync(() => picker.Instance.DateRangeChanged.InvokeAsync(new DateRange(new DateTime(2026, 3, 1), new DateTime(2026, 3, 1))));
        cut.WaitForAssertion(() => Assert.Contains("No conversions match these filters", cut.Markup), Wait);
    }

    [Fact]
    public async Task StatusAndOfferFiltersNarrowTheList()
    {
        var (bed, first, second) = await SeedAsync();
        await using var _ = bed;
        var cut = Render<ConversionsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, ShownSubIds(cut).Length), Wait);

        var status = cut.FindComponent<MudSelect<ConversionStatus?>>();
        await cut.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync(ConversionStatus.Lead));
        cut.WaitForAssertion(() => Assert.Equal([first], ShownSubIds(cut)), Wait);

        await cut.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync(null));
        var offer = cut.FindComponent<MudSelect<int?>>();
        var otherId = (await bed.App.Services.GetRequiredService<ConversionQueries>().OfferChoicesAsync(TestContext.Current.CancellationToken)).Single(o => o.Name == "Other offer").Id;
        await cut.InvokeAsync(() => offer.Instance.ValueChanged.InvokeAsync(otherId));
        cut.WaitForAssertion(() => Assert.Equal([second], ShownSubIds(cut)), Wait);
    }

    [Fact]
    public async Task SubIdFromTheLinkShowsThatClicksConversion()
    {
        var (bed, first, _) = await SeedAsync();
        await using var __ = bed;
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/admin/conversions?subid={first}");
        var cut = Render<ConversionsPage>();
        cut.WaitForAssertion(() => Assert.Equal([first], ShownSubIds(cut)), Wait);
        Assert.Contains($"subid {first}", cut.Markup);
    }
}
