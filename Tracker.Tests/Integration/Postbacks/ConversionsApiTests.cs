using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tracker.Tests.Integration.Postbacks;

public sealed class ConversionsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DateRangeIsReadInTheSettingsTimeZoneWithBothDaysIncluded()
    {
        // 22:30 UTC on 1 March is already 2 March in Tokyo (+9).
        await using var bed = await PostbackTestBed.StartAsync(new DateTimeOffset(2026, 3, 1, 22, 30, 0, TimeSpan.Zero));
        await bed.SetExchangeRatesAsync("USD", [], timeZone: "Asia/Tokyo");
        var offer = await bed.AddOfferAsync();
        var first = await bed.AddClickAsync(offer);
        await bed.SendAsync($"subid={first.SubId}");
        bed.Clock.Advance(TimeSpan.FromDays(1));
        var second = await bed.AddClickAsync(offer);
        await bed.SendAsync($"subid={second.SubId}");
        var api = bed.App.CreateApiClient();

        async Task<string[]> SubIds(string query) =>
            (await api.GetFromJsonAsync<JsonElement>($"/api/v1/conversions?{query}", Ct)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("subId").GetString()!).ToArray();

        Assert.Equal([first.SubId], await SubIds("from=2026-03-02&to=2026-03-02"));
        Assert.Equal([second.SubId, first.SubId], await SubIds("from=2026-03-02&to=2026-03-03"));
        Assert.Empty(await SubIds("from=2026-03-01&to=2026-03-01"));
        Assert.Equal([first.SubId], await SubIds("from=2026-03-01T22:00:00Z&to=2026-03-01T23:00:00Z"));
        Assert.Equal([second.SubId], await SubIds($"offerId={offer.Id}&subid={second.SubId}"));
        Assert.Empty(await SubIds("status=lead"));
        Assert.Single(await SubIds("take=1"));
        Assert.Equal([first.SubId], await SubIds("skip=1&take=1"));
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/conversions?take=1", Ct);
        Assert.Equal((2, 0, 1), (page.GetProperty("total").GetInt32(), page.GetProperty("skip").GetInt32(), page.GetProperty("take").GetInt32()));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=2026-03-05&to=2026-03-01", "to")]
    [InlineData("status=approved", "status")]
    [InlineData("take=0", "take")]
    [InlineData("take=1001", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("offerId=abc", "offerId")]
    public async Task BadConversionQueriesNameTheField(string query, string field)
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var response = await bed.App.CreateApiClient().GetAsync($"/api/v1/conversions?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("from=0001-01-01&to=9999-12-31", "from")]
    public async Task DatesAtTheCalendarsEdgesAreA400NamingTheFieldNotAServerError(string query, string field)
    {
        await using var bed = await PostbackTestBed.StartAsync();
        // East of UTC, 0001-01-01 began before the first instant a DateTime can hold.
        await bed.SetExchangeRatesAsync("USD", [], timeZone: "Asia/Tokyo");

        var response = await bed.App.CreateApiClient().GetAsync($"/api/v1/conversions?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains("0001-01-02 to 9999-12-30", message);
    }

    [Fact]
    public async Task TheSupportedEdgeDatesThemselvesWork()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        await bed.SetExchangeRatesAsync("USD", [], timeZone: "Pacific/Kiritimati");
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        await bed.SendAsync($"subid={click.SubId}");

        var page = await bed.App.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/v1/conversions?from=0001-01-02&to=9999-12-30", Ct);

        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PostbackLogIsFilterableByOutcomeAndSubIdAndLimited()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        await bed.SendAsync($"subid={click.SubId}");
        await bed.SendAsync($"subid={click.SubId}");
        await bed.SendAsync("subid=unknownclick");
        await bed.SendAsync("status=sale");
        var api = bed.App.CreateApiClient();

        async Task<JsonElement[]> Get(string query) => (await api.GetFromJsonAsync<JsonElement[]>($"/api/v1/postbacks?{query}", Ct))!;

        var all = await Get("");
        Assert.Equal(["malformed", "unknown_sub_id", "duplicate_ignored", "created"], all.Select(p => p.GetProperty("outcome").GetString()));
        Assert.All(all, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("message").GetString())));
        Assert.Equal(2, (await Get($"subid={click.SubId}")).Length);
        Assert.Single(await Get("outcome=duplicate_ignored"));
        Assert.Equal(2, (await Get("limit=2")).Length);
        foreach (var (query, field) in new[] { ("outcome=great", "outcome"), ("limit=5000", "limit"), ("limit=x", "limit") })
        {
            var response = await api.GetAsync($"/api/v1/postbacks?{query}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
        }
    }
}
