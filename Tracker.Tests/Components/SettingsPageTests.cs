using Bunit;
using Tracker.Core.Settings;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Components.Pages.Settings;
using Tracker.Web.Services;
using TestContext = Xunit.TestContext;

namespace Tracker.Tests.Components;

public sealed class SettingsPageTests : IAsyncDisposable
{
    private readonly TrackerApplication _app;
    private readonly AdminComponentContext _ctx;

    public SettingsPageTests() : this(new TrackerApplication()) { }

    private SettingsPageTests(TrackerApplication app)
    {
        _app = app;
        _ctx = new AdminComponentContext(app);
    }

    private SettingsStore Store => _app.Service<SettingsStore>();

    private static string Text(IRenderedComponent<ContainerFragment> page) => string.Concat(page.Nodes.Select(n => n.TextContent));

    private static void AddRate(IRenderedComponent<ContainerFragment> page, string currency, string rate)
    {
        page.Find("[data-testid=add-rate]").Click();
        var index = page.FindAll("[data-testid=rate-row]").Count - 1;
        page.Find($"[data-testid=rate-currency-{index}]").Input(currency);
        page.Find($"[data-testid=rate-value-{index}]").Input(rate);
    }

    [Fact]
    public void ARateThatIsNotPositiveIsRefusedAndNothingIsSaved()
    {
        var page = _ctx.RenderWithProviders<SettingsPage>();
        var before = Store.Current.Version;
        AddRate(page, "EUR", "0");
        // Said at the field as soon as it is typed, and the typed text stays there.
        Assert.Contains("The rate must be more than 0.", page.Find("[data-testid=rate-value-0]").Closest(".mud-input-control")!.TextContent);
        page.Find("[data-testid=settings-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Nothing was saved", Text(page)));
        Assert.Equal(before, Store.Current.Version);
        Assert.Empty(Store.Current.ExchangeRates);
    }

    [Fact]
    public void ANegativeRateStaysAsTypedWithItsMessageInsteadOfBecomingZero()
    {
        var page = _ctx.RenderWithProviders<SettingsPage>();
        AddRate(page, "EUR", "-1");

        Assert.Equal("-1", page.Find("[data-testid=rate-value-0]").GetAttribute("value"));
        Assert.Contains("The rate cannot be negative.", page.Find("[data-testid=rate-value-0]").Closest(".mud-input-control")!.TextContent);
        page.Find("[data-testid=settings-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Nothing was saved", Text(page)));
        Assert.Empty(Store.Current.ExchangeRates);
    }

    [Fact]
    public void ARateTypedWithADecimalCommaIsSavedAsDecimals()
    {
        var page = _ctx.RenderWithProviders<SettingsPage>();
        AddRate(page, "EUR", "1,08");
        page.Find("[data-testid=settings-save]").Click();
        page.WaitForAssertion(() => Assert.Equal(1.08m, Store.Current.ExchangeRates["EUR"]));
    }

    [Fact]
    public void ACurrencyListedTwiceOrWithoutARateIsRefused()
    {
        var page = _ctx.RenderWithProviders<SettingsPage>();
        AddRate(page, "EUR", "1.08");
        AddRate(page, "eur", "1.1");
        page.Find("[data-testid=add-rate]").Click();
        page.Find("[data-testid=rate-currency-2]").Input("GBP");
        page.Find("[data-testid=settings-save]").Click();
        page.WaitForAssertion(() =>
        {
            Assert.Contains("EUR is listed twice; keep one rate.", Text(page));
            Assert.Contains("Enter how much one GBP is worth in USD.", Text(page));
        });
        Assert.Empty(Store.Current.ExchangeRates);
    }

    [Fact]
    public void AfterARefusedSaveTheNextGoodSaveLeavesOnlySettingsSavedOnScreen()
    {
        var page = _ctx.RenderWithProviders<SettingsPage>();
        AddRate(page, "EUR", "0");
        page.Find("[data-testid=settings-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Nothing was saved", Text(page)));

        page.Find("[data-testid=rate-value-0]").Input("1,08");
        page.Find("[data-testid=settings-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(1.08m, Store.Current.ExchangeRates["EUR"]));
        page.WaitForAssertion(() => Assert.Contains("Settings saved.", Text(page)));
        // The earlier warning no longer holds, so it is not left standing beside the success.
        Assert.DoesNotContain("Nothing was saved", Text(page));
    }

    [Fact]
    public void ValidRatesAreSavedAndExplainedInTheBaseCurrency()
    {
        var page = _ctx.RenderWithProviders<SettingsPage>();
        AddRate(page, "eur", "1.08");
        Assert.Contains("1 EUR = 1.08 USD", Text(page));
        page.Find("[data-testid=settings-save]").Click();
        page.WaitForAssertion(() => Assert.Equal(1.08m, Store.Current.ExchangeRates["EUR"]));
        Assert.Contains("Settings saved.", Text(page));
    }

    [Fact]
    public async Task SavingOverSettingsChangedElsewhereIsRefusedAndOffersAReload()
    {
        var page = _ctx.RenderWithProviders<SettingsPage>();
        AddRate(page, "EUR", "1.08");

        // Another tab (or the API) saves first.
        var theirs = Store.Current;
        Assert.True(await Store.SaveAsync(new TrackerSettings
        {
            BaseCurrency = "EUR", TimeZone = theirs.TimeZone, Version = theirs.Version,
            ExchangeRates = new(StringComparer.Ordinal) { ["USD"] = 0.92m },
        }, TestContext.Current.CancellationToken));
        var banner = page.WaitForElement("[data-testid=conflict-banner]");
        Assert.Contains("The settings were changed in another tab/by the API", banner.TextContent);
        Assert.Contains("Their save changed: base currency, exchange rates.", banner.TextContent);

        // Save while the banner is up says what to do, and saves nothing.
        page.Find("[data-testid=settings-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Choose first", page.Find("[data-testid=conflict-save-blocked]").TextContent));
        Assert.Equal("EUR", Store.Current.BaseCurrency);
        Assert.False(Store.Current.ExchangeRates.ContainsKey("EUR"));

        page.Find("[data-testid=conflict-reload]").Click();
        Assert.Empty(page.FindAll("[data-testid=conflict-banner]"));
        Assert.Contains("1 USD = 0.92 EUR", Text(page));
    }

    [Fact]
    public async Task OverwriteKeepsTheirTimeZoneAndSavesOnlyMyRates()
    {
        var page = _ctx.RenderWithProviders<SettingsPage>();
        AddRate(page, "EUR", "1,08");
        var theirs = Store.Current;
        Assert.True(await Store.SaveAsync(new TrackerSettings
        {
            BaseCurrency = theirs.BaseCurrency, TimeZone = "Europe/Berlin", Version = theirs.Version,
            ExchangeRates = new(theirs.ExchangeRates, StringComparer.Ordinal),
        }, TestContext.Current.CancellationToken));
        var banner = page.WaitForElement("[data-testid=conflict-banner]");
        Assert.Contains("Their save changed: time zone.", banner.TextContent);
        Assert.Contains("your edits (exchange rates)", banner.TextContent);

        page.Find("[data-testid=conflict-overwrite]").Click();

        page.WaitForAssertion(() => Assert.Equal(1.08m, Store.Current.ExchangeRates.GetValueOrDefault("EUR")));
        Assert.Equal("Europe/Berlin", Store.Current.TimeZone);
        Assert.Empty(page.FindAll("[data-testid=conflict-banner]"));
    }

    [Fact]
    public async Task WithoutUnsavedEditsTheFormFollowsChangesMadeElsewhere()
    {
        var page = _ctx.RenderWithProviders<SettingsPage>();
        var current = Store.Current;
        await Store.SaveAsync(new TrackerSettings
        {
            BaseCurrency = "GBP", TimeZone = current.TimeZone, Version = current.Version,
            ExchangeRates = new(StringComparer.Ordinal) { ["EUR"] = 0.85m },
        }, TestContext.Current.CancellationToken);
        page.WaitForAssertion(() => Assert.Contains("1 EUR = 0.85 GBP", Text(page)));
        Assert.Empty(page.FindAll("[data-testid=conflict-banner]"));
    }

    [Fact]
    public void AnApiKeyFromConfigurationCannotBeRotatedAndSaysWhereItComesFrom()
    {
        var page = _ctx.RenderWithProviders<SettingsPage>();
        Assert.NotNull(page.Find("[data-testid=api-key-from-configuration]"));
        Assert.True(page.Find("[data-testid=rotate-api-key]").HasAttribute("disabled"));
        Assert.Equal("password", page.Find("[data-testid=settings-api-key] input").GetAttribute("type"));
        page.Find("[data-testid=settings-api-key] [data-testid=copy-field-reveal]").Click();
        Assert.Equal(TrackerApplication.TestApiKey, page.Find("[data-testid=settings-api-key] input").GetAttribute("value"));
        Assert.Equal("text", page.Find("[data-testid=settings-api-key] input").GetAttribute("type"));
    }

    [Fact]
    public async Task AGeneratedApiKeyIsRotatedOnlyAfterConfirmation()
    {
        await using var app = new TrackerApplication(new() { ["Tracker:ApiKey"] = "" });
        await using var ctx = new AdminComponentContext(app);
        var store = app.Service<SettingsStore>();
        var oldKey = store.ApiKey;
        var page = ctx.RenderWithProviders<SettingsPage>();
        Assert.Empty(page.FindAll("[data-testid=api-key-from-configuration]"));

        page.Find("[data-testid=rotate-api-key]").Click();
        page.WaitForAssertion(() => Assert.Contains("Scripts and tools using the old key get 401", Text(page)));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Assert.Equal(oldKey, store.ApiKey);

        page.Find("[data-testid=rotate-api-key]").Click();
        page.WaitForAssertion(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Rotate key").Click());
        page.WaitForAssertion(() => Assert.NotEqual(oldKey, store.ApiKey));
        page.WaitForAssertion(() => Assert.Equal(store.ApiKey, page.Find("[data-testid=settings-api-key] input").GetAttribute("value")));
    }

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _app.DisposeAsync();
    }
}
