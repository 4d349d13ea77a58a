using System.Net;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Services;

namespace Tracker.Tests.Integration.Api;

public sealed class SettingsApiTests
{
    [Fact]
    public async Task SettingsAreReadAndReplacedWithCodesNormalized()
    {
        await using var app = new TrackerApplication(new() { ["Tracker:PublicBaseUrl"] = "https://trk.example.com/" });
        var client = app.CreateApiClient();
        var settings = await client.GetObjectAsync("/api/v1/settings");
        var key = settings["postbackKey"]!.GetValue<string>();
        Assert.Equal("USD", settings["baseCurrency"]!.GetValue<string>());
        Assert.Equal("UTC", settings["timeZone"]!.GetValue<string>());
        Assert.Equal($"https://trk.example.com/{key}/postback", settings["postbackUrl"]!.GetValue<string>());
        Assert.Null(settings["apiKey"]);

        var updated = await (await client.PutJsonAsync("/api/v1/settings", """
            { "baseCurrency": "eur", "timeZone": "Europe/Berlin", "exchangeRates": { "usd": 0.92, "GBP": 1.17 }, "version": 1 }
            """)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("EUR", updated["baseCurrency"]!.GetValue<string>());
        Assert.Equal(2, updated["version"]!.GetValue<int>());

        var read = await client.GetObjectAsync("/api/v1/settings");
        Assert.Equal("Europe/Berlin", read["timeZone"]!.GetValue<string>());
        Assert.Equal(0.92m, read["exchangeRates"]!["USD"]!.GetValue<decimal>());
        Assert.Equal(1.17m, read["exchangeRates"]!["GBP"]!.GetValue<decimal>());
        Assert.Equal(0.92m, app.Service<SettingsStore>().Current.ToExchangeRates().Rates["USD"]);
    }

    [Fact]
    public async Task InvalidSettingsNameTheFieldAndChangeNothing()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var errors = await (await client.PutJsonAsync("/api/v1/settings", """
            { "baseCurrency": "euro", "timeZone": "Berlin", "exchangeRates": { "EUR": -1 }, "version": 1 }
            """)).ExpectValidationProblemAsync();
        Assert.Equal(["baseCurrency", "exchangeRates", "timeZone"], errors.Keys.Order(StringComparer.Ordinal));

        errors = await (await client.PutJsonAsync("/api/v1/settings", """
            { "baseCurrency": "USD", "timeZone": "UTC", "exchangeRates": { "eur": 1.08, "EUR": 1.1 }, "version": 1 }
            """)).ExpectValidationProblemAsync();
        Assert.Contains("same currency", Assert.Single(errors["exchangeRates"]));

        errors = await (await client.PutJsonAsync("/api/v1/settings", """{ "baseCurrency": "USD", "timeZone": "UTC", "exchangeRates": { "EUR": "1,08" }, "version": 1 }"""))
            .ExpectValidationProblemAsync();
        Assert.Contains("number", Assert.Single(errors["exchangeRates"]));

        errors = await (await client.PutJsonAsync("/api/v1/settings", """{ "baseCurrency": "USD", "timeZone": "UTC" }""")).ExpectValidationProblemAsync();
        Assert.Contains("version", errors.Keys);

        var current = app.Service<SettingsStore>().Current;
        Assert.Equal(("USD", "UTC", 1), (current.BaseCurrency, current.TimeZone, current.Version));
        Assert.Empty(current.ExchangeRates);
    }

    [Fact]
    public async Task PostbackKeySentInAPutIsIgnored()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var before = await client.GetObjectAsync("/api/v1/settings");
        var key = before["postbackKey"]!.GetValue<string>();

        before["postbackKey"] = "chosen-by-a-script";
        before["postbackUrl"] = "https://evil.example/postback";
        before["timeZone"] = "America/New_York";
        var after = await (await client.PutJsonAsync("/api/v1/settings", before)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(key, after["postbackKey"]!.GetValue<string>());
        Assert.Equal("America/New_York", after["timeZone"]!.GetValue<string>());
        Assert.Equal(key, app.Service<SettingsStore>().Current.PostbackKey);
        Assert.EndsWith($"/{key}/postback", after["postbackUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task SettingsPutOverAStaleVersionIsAConflict()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        await (await client.PutJsonAsync("/api/v1/settings", """{ "baseCurrency": "EUR", "timeZone": "UTC", "version": 1 }""")).ExpectAsync(HttpStatusCode.OK);
        var problem = await (await client.PutJsonAsync("/api/v1/settings", """{ "baseCurrency": "GBP", "timeZone": "UTC", "version": 1 }"""))
            .ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("EUR", problem["current"]!["baseCurrency"]!.GetValue<string>());
        Assert.Equal("EUR", app.Service<SettingsStore>().Current.BaseCurrency);
    }
}
