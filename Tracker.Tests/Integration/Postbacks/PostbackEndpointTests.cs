using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Conversions;
using Tracker.Core.Offers;
using Tracker.Web.Conversions;

namespace Tracker.Tests.Integration.Postbacks;

public sealed class PostbackEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaleCreatesOneConversionWithTheOffersFixedPayout()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync();
        var click = await bed.AddClickAsync(offer);

        var (response, body) = await bed.SendAsync($"subid={click.SubId}&status=sale&payout=99&from=TestNet");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("created:", body);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var conversion = await bed.ConversionAsync(click.SubId);
        Assert.NotNull(conversion);
        Assert.Equal(ConversionStatus.Sale, conversion.Status);
        Assert.Equal(10_000_000, conversion.RevenueMicros);
        Assert.Equal((click.Id, offer.Id, bed.CampaignId, bed.NetworkId), (conversion.ClickId, conversion.OfferId, conversion.CampaignId, conversion.AffiliateNetworkId));
        Assert.Equal(bed.Now, conversion.CreatedAt);
        var log = Assert.Single(await bed.LogAsync(click.SubId));
        Assert.Equal(PostbackOutcome.Created, log.Outcome);
        Assert.Equal(conversion.Id, log.ConversionId);
        Assert.Equal("TestNet", log.From);
        Assert.Equal("sale", log.Status);
        Assert.Equal("GET", log.Method);
        Assert.Contains("payout=99", log.Raw);
        Assert.Contains("Fixed payout", log.Message);
    }

    [Fact]
    public async Task FormBodyPostbackIsAccepted()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync(o => o.PayoutAuto = true);
        var click = await bed.AddClickAsync(offer);

        var response = await bed.Client.PostAsync(bed.PostbackPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ClickId"] = click.SubId, ["STATUS"] = "lead", ["payout"] = "2.75",
        }), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversion = await bed.ConversionAsync(click.SubId);
        Assert.Equal((ConversionStatus.Lead, 2_750_000L), (conversion!.Status, conversion.RevenueMicros));
        var log = Assert.Single(await bed.LogAsync(click.SubId));
        Assert.Equal("POST", log.Method);
        Assert.Contains("payout=2.75", log.Raw);
    }

    [Fact]
    public async Task MultipartFormPostbackIsAccepted()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(click.SubId), "subid" },
            { new StringContent("approve"), "status" },
            { new StringContent("approve,confirmed"), "sale_status" },
        };
        var response = await bed.Client.PostAsync(bed.PostbackPath, form, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ConversionStatus.Sale, (await bed.ConversionAsync(click.SubId))!.Status);
    }

    [Fact]
    public async Task JsonBodyPostbackKeepsExactNumbers()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync(o => o.PayoutAuto = true);
        var click = await bed.AddClickAsync(offer);

        var json = $$"""{"subid":"{{click.SubId}}","status":"sale","payout":10.000001,"tid":12345,"currency":"usd"}""";
        var response = await bed.Client.PostAsync(bed.PostbackPath, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversion = await bed.ConversionAsync(click.SubId);
        Assert.Equal(10_000_001, conversion!.RevenueMicros);
        Assert.Equal("12345", conversion.Tid);
    }

    [Fact]
    public async Task QueryAndBodyCombineWithTheQueryFirst()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync(o => o.PayoutAuto = true);
        var click = await bed.AddClickAsync(offer);

        var response = await bed.Client.PostAsync($"{bed.PostbackPath}?subid={click.SubId}&payout=1",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["payout"] = "5", ["status"] = "lead" }), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversion = await bed.ConversionAsync(click.SubId);
        Assert.Equal((ConversionStatus.Lead, 1_000_000L), (conversion!.Status, conversion.RevenueMicros));
    }

    [Theory]
    [InlineData("not json at all {", "application/json", "not valid JSON")]
    [InlineData("[1,2]", "application/json", "must be an object")]
    public async Task UnreadableJsonIsMalformed(string body, string contentType, string reason)
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var response = await bed.Client.PostAsync(bed.PostbackPath, new StringContent(body, Encoding.UTF8, contentType), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(PostbackOutcome.Malformed, Assert.Single(await bed.LogAsync()).Outcome);
    }

    [Fact]
    public async Task RepeatedPostbackWithoutTidIsIgnored()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());

        var first = await bed.SendAsync($"subid={click.SubId}");
        var second = await bed.SendAsync($"subid={click.SubId}");

        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.Response.StatusCode);
        Assert.StartsWith("duplicate ignored:", second.Body);
        Assert.Single(await bed.TransactionsAsync(click.SubId));
        Assert.Equal([PostbackOutcome.Created, PostbackOutcome.DuplicateIgnored], (await bed.LogAsync(click.SubId)).Select(l => l.Outcome));
    }

    [Theory]
    [InlineData("")]
    [InlineData("&tid=T-77")]
    public async Task FiftyIdenticalConcurrentPostbacksCreateExactlyOneConversion(string tid)
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync(o => { o.PayoutAuto = true; o.Rebills = true; });
        var click = await bed.AddClickAsync(offer);

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            start.Wait(Ct);
            return await bed.SendAsync($"subid={click.SubId}&status=sale&payout=4{tid}");
        }, Ct)).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode));
        Assert.Single(results, r => r.Body.StartsWith("created:", StringComparison.Ordinal));
        Assert.Equal(49, results.Count(r => r.Body.StartsWith("duplicate ignored:", StringComparison.Ordinal)));
        await using var db = await bed.NewDbAsync();
        var conversion = await db.Conversions.SingleAsync(c => c.SubId == click.SubId, Ct);
        Assert.Equal((4_000_000L, 0), (conversion.RevenueMicros, conversion.RebillCount));
        Assert.Single(await bed.TransactionsAsync(click.SubId));
        Assert.Equal(50, (await bed.LogAsync(click.SubId)).Count);
    }

    [Fact]
    public async Task TwoTrackerProcessesOnOneDatabaseStillCreateOneConversion()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tracker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await using var a = await PostbackTestBed.StartAsync(dataDirectory: dir);
            var click = await a.AddClickAsync(await a.AddOfferAsync());
            await using var b = await PostbackTestBed.StartAsync(dataDirectory: dir);
            Assert.Equal(a.PostbackKey, b.PostbackKey);

            var tasks = Enumerable.Range(0, 40)
                .Select(i => Task.Run(() => (i % 2 == 0 ? a : b).SendAsync($"subid={click.SubId}&status=lead"), Ct));
            var results = await Task.WhenAll(tasks);

            Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode));
            Assert.Single(results, r => r.Body.StartsWith("created:", StringComparison.Ordinal));
            await using var db = await a.NewDbAsync();
            Assert.Equal(1, await db.Conversions.CountAsync(c => c.SubId == click.SubId, Ct));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { /* the OS temp cleaner takes it */ }
        }
    }

    [Fact]
    public async Task RebillSequenceGrowsRevenueOnceAndRejectedRebillTakesItBack()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync(o => { o.PayoutAuto = true; o.Rebills = true; });
        var click = await bed.AddClickAsync(offer);
        var s = click.SubId;

        string[] expected = ["created", "rebill added", "rebill added", "duplicate ignored", "status changed", "duplicate ignored"];
        string[] queries =
        [
            $"subid={s}&tid=first&payout=10", $"subid={s}&tid=second&status=rebill&payout=5", $"subid={s}&tid=third&payout=2.5",
            $"subid={s}&tid=second&status=rebill&payout=5", $"subid={s}&tid=second&status=rejected", $"subid={s}&tid=second&status=rejected",
        ];
        for (var i = 0; i < queries.Length; i++)
        {
            var (response, body) = await bed.SendAsync(queries[i]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(body.StartsWith(expected[i] + ":", StringComparison.Ordinal), $"step {i + 1}: {body}");
        }

        var conversion = await bed.ConversionAsync(s);
        Assert.Equal((ConversionStatus.Sale, 12_500_000L, 1), (conversion!.Status, conversion.RevenueMicros, conversion.RebillCount));
        var transactions = await bed.TransactionsAsync(s);
        Assert.Equal(["first", "second", "third"], transactions.Select(t => t.Tid));
        Assert.Equal([false, true, true], transactions.Select(t => t.IsRebill));
        Assert.Equal(ConversionStatus.Rejected, transactions[1].Status);
    }

    [Fact]
    public async Task TransitionsFollowTheRulesAndDisallowedOnesChangeNothing()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var s = click.SubId;

        Assert.StartsWith("created:", (await bed.SendAsync($"subid={s}&status=lead")).Body);
        Assert.StartsWith("status changed:", (await bed.SendAsync($"subid={s}&status=sale")).Body);
        var backwards = await bed.SendAsync($"subid={s}&status=lead");
        Assert.Equal(HttpStatusCode.OK, backwards.Response.StatusCode);
        Assert.StartsWith("transition not allowed:", backwards.Body);
        Assert.Equal(ConversionStatus.Sale, (await bed.ConversionAsync(s))!.Status);
        Assert.StartsWith("status changed:", (await bed.SendAsync($"subid={s}&status=rejected")).Body);
        Assert.StartsWith("transition not allowed:", (await bed.SendAsync($"subid={s}&status=sale")).Body);
        Assert.Equal(ConversionStatus.Rejected, (await bed.ConversionAsync(s))!.Status);
    }

    [Theory]
    [InlineData("status=1&lead_status=2,5&sale_status=1&rejected_status=3", ConversionStatus.Sale, "1")]
    [InlineData("status=5&lead_status=2%2C5&sale_status=1", ConversionStatus.Lead, "5")]
    [InlineData("status=trash&rejected_status=3%252Crejected%252Ctrash", ConversionStatus.Rejected, "trash")]
    [InlineData("status=Approved&sale_status=approved", ConversionStatus.Sale, "Approved")]
    [InlineData("status=confirmed_by_advertiser", ConversionStatus.Lead, "confirmed_by_advertiser")]
    public async Task StatusMapsTurnTheNetworksWordsIntoOurs(string query, ConversionStatus expected, string original)
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var (response, _) = await bed.SendAsync($"subid={click.SubId}&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversion = await bed.ConversionAsync(click.SubId);
        Assert.Equal((expected, original), (conversion!.Status, conversion.OriginalStatus));
    }

    [Fact]
    public async Task IgnoredStatusIsLoggedAndChangesNothing()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());

        var (response, body) = await bed.SendAsync($"subid={click.SubId}&status=ping&ignore_status=ping,test&sub_id_3=changed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("ignored status:", body);
        Assert.Null(await bed.ConversionAsync(click.SubId));
        Assert.Equal(PostbackOutcome.IgnoredStatus, Assert.Single(await bed.LogAsync(click.SubId)).Outcome);
        await using var db = await bed.NewDbAsync();
        Assert.False((await db.Clicks.SingleAsync(c => c.Id == click.Id, Ct)).Parameters.ContainsKey("sub_id_3"));
    }

    [Fact]
    public async Task ReturnParameterIsTheBodyOfEverySuccessfulAnswer()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());

        var created = await bed.SendAsync($"subid={click.SubId}&return=OK");
        var duplicate = await bed.SendAsync($"subid={click.SubId}&return=OK");
        var unknown = await bed.SendAsync("subid=nosuchclick&return=OK");
        var html = await bed.SendAsync($"subid={click.SubId}&return=%3Cscript%3Ealert(1)%3C/script%3E");

        Assert.Equal((HttpStatusCode.OK, "OK"), (created.Response.StatusCode, created.Body));
        Assert.Equal((HttpStatusCode.OK, "OK"), (duplicate.Response.StatusCode, duplicate.Body));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Response.StatusCode);
        Assert.NotEqual("OK", unknown.Body);
        // Echoed as inert text.
        Assert.Equal("text/plain", html.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", html.Response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task WrongKeyIsForbiddenAndRevealsNothingAboutTheSubId()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var wrongKey = new string('a', bed.PostbackKey.Length);

        var known = await bed.Client.GetAsync($"/{wrongKey}/postback?subid={click.SubId}", Ct);
        var unknown = await bed.Client.GetAsync($"/{wrongKey}/postback?subid=nosuchclick", Ct);
        var shortKey = await bed.Client.PostAsync("/x/postback", new StringContent($"subid={click.SubId}"), Ct);

        foreach (var response in new[] { known, unknown, shortKey })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("forbidden", await response.Content.ReadAsStringAsync(Ct));
        }
        Assert.Equal(known.Content.Headers.ContentLength, unknown.Content.Headers.ContentLength);
        Assert.Null(await bed.ConversionAsync(click.SubId));
        var log = await bed.LogAsync();
        Assert.Equal(3, log.Count);
        Assert.All(log, l => Assert.Equal((PostbackOutcome.Forbidden, (string?)null), (l.Outcome, l.SubId)));
    }

    [Fact]
    public async Task AFloodOfWrongKeysCannotFillTheLog()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        for (var i = 0; i < 40; i++)
            Assert.Equal(HttpStatusCode.Forbidden, (await bed.Client.GetAsync($"/guess{i}/postback?subid=x", Ct)).StatusCode);
        Assert.Equal(Tracker.Web.Postbacks.PostbackRecorder.ForbiddenLogPerMinute, (await bed.LogAsync()).Count);

        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        await bed.Client.GetAsync("/guess/postback?subid=x", Ct);
        Assert.Equal(Tracker.Web.Postbacks.PostbackRecorder.ForbiddenLogPerMinute + 1, (await bed.LogAsync()).Count);
    }

    [Fact]
    public async Task TheOldKeyStopsWorkingWhenTheKeyIsRotated()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var oldPath = bed.PostbackPath;
        Assert.True(await bed.App.Service<Tracker.Web.Services.SettingsStore>().RotatePostbackKeyAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, (await bed.Client.GetAsync($"{oldPath}?subid={click.SubId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bed.GetAsync($"subid={click.SubId}")).StatusCode);
    }

    [Theory]
    [InlineData("-5", "negative")]
    [InlineData("NaN", "not a number")]
    [InlineData("10%2C50", "use a dot")]
    [InlineData("10,50", "use a dot")]
    [InlineData("", "empty")]
    public async Task BadPayoutsAreMalformedAndRecordNothing(string payout, string reason)
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync(o => o.PayoutAuto = true));

        var (response, body) = await bed.SendAsync($"subid={click.SubId}&payout={payout}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("malformed: payout:", body);
        Assert.Contains(reason, body, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await bed.ConversionAsync(click.SubId));
        var log = Assert.Single(await bed.LogAsync(click.SubId));
        Assert.Equal(PostbackOutcome.Malformed, log.Outcome);
    }

    [Fact]
    public async Task MissingSubIdIsMalformed()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var (response, body) = await bed.SendAsync("status=sale&payout=1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("subid is missing", body);
        Assert.Equal(PostbackOutcome.Malformed, Assert.Single(await bed.LogAsync()).Outcome);
    }

    [Theory]
    [InlineData("nosuchclick", "No click has subid 'nosuchclick'.")]
    [InlineData("{sub1}", "without filling in the click id")]
    public async Task UnknownSubIdIsNotFoundAndLogged(string subId, string message)
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var (response, body) = await bed.SendAsync($"subid={Uri.EscapeDataString(subId)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("unknown subid:", body);
        var log = Assert.Single(await bed.LogAsync());
        Assert.Equal((PostbackOutcome.UnknownSubId, subId), (log.Outcome, log.SubId));
        Assert.Contains(message, log.Message);
    }

    [Fact]
    public async Task QueryOverTheLimitIsRefusedEarly()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var response = await bed.Client.GetAsync($"{bed.PostbackPath}?subid={click.SubId}&pad={new string('x', 16 * 1024)}", Ct);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Null(await bed.ConversionAsync(click.SubId));
        Assert.Equal(PostbackOutcome.Malformed, Assert.Single(await bed.LogAsync()).Outcome);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOverTheLimitIsRefusedEarly(bool withContentLength)
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var body = $"subid={click.SubId}&pad={new string('x', 16 * 1024)}";
        HttpContent content = withContentLength
            ? new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        if (!withContentLength) content.Headers.ContentType = new("application/x-www-form-urlencoded");

        var response = await bed.Client.PostAsync(bed.PostbackPath, content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await bed.ConversionAsync(click.SubId));
    }

    [Fact]
    public async Task BodyJustUnderTheLimitIsAccepted()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var head = $"subid={click.SubId}&pad=";
        var body = head + new string('x', 16 * 1024 - head.Length);
        Assert.Equal(16 * 1024, body.Length);
        var response = await bed.Client.PostAsync(bed.PostbackPath, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AutoPayoutInAnotherCurrencyIsConvertedToTheBaseCurrency()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        await bed.SetExchangeRatesAsync("USD", new() { ["EUR"] = 1.08m });
        var click = await bed.AddClickAsync(await bed.AddOfferAsync(o => o.PayoutAuto = true));

        var (response, _) = await bed.SendAsync($"subid={click.SubId}&payout=10.50&currency=eur");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversion = await bed.ConversionAsync(click.SubId);
        Assert.Equal((11_340_000L, 10_500_000L, "EUR"), (conversion!.RevenueMicros, conversion.OriginalPayoutMicros, conversion.OriginalCurrency));
    }

    [Fact]
    public async Task ConversionInACurrencyWithoutARateIsRecordedWaitsAndIsConvertedWhenTheRateIsAdded()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync(o => { o.PayoutAuto = true; o.Rebills = true; }));
        var api = bed.App.CreateApiClient();

        var (response, body) = await bed.SendAsync($"subid={click.SubId}&payout=50&currency=BRL&tid=t1");
        var (rebill, _) = await bed.SendAsync($"subid={click.SubId}&payout=10&currency=brl&tid=t2&status=rebill");

        // The network hears "taken": nothing to retry, nothing lost.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (response.StatusCode, rebill.StatusCode));
        Assert.Contains("waiting for a BRL rate", body);
        var waiting = await bed.ConversionAsync(click.SubId);
        Assert.Equal((0L, "BRL", 60_000_000L, 50_000_000L, "BRL"),
            (waiting!.RevenueMicros, waiting.PendingCurrency, waiting.PendingMicros, waiting.OriginalPayoutMicros, waiting.OriginalCurrency));
        Assert.Equal(PostbackOutcome.Created, (await bed.LogAsync(click.SubId))[0].Outcome);
        var totals = Assert.Single(await bed.App.Service<PendingRateConversions>().TotalsAsync(Ct));
        Assert.Equal(("BRL", 1, 60_000_000L), (totals.Currency, totals.Conversions, totals.PendingMicros));
        var listed = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/conversions?awaitingRate=true", Ct);
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal((60m, "BRL"), (item.GetProperty("awaitingRate").GetProperty("amount").GetDecimal(), item.GetProperty("awaitingRate").GetProperty("currency").GetString()));

        // The affiliate adds the rate through the API, as a script would.
        var settings = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/settings", Ct);
        settings!["exchangeRates"] = new System.Text.Json.Nodes.JsonObject { ["BRL"] = 0.2m };
        var saved = await api.PutAsync("/api/v1/settings", new StringContent(settings.ToJsonString(), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var converted = await bed.ConversionAsync(click.SubId);
        Assert.Equal((12_000_000L, null, 0L), (converted!.RevenueMicros, converted.PendingCurrency, converted.PendingMicros));
        Assert.Equal((50_000_000L, "BRL"), (converted.OriginalPayoutMicros, converted.OriginalCurrency));
        var transactions = await bed.TransactionsAsync(click.SubId);
        Assert.Equal([10_000_000L, 2_000_000L], transactions.Select(t => t.RevenueMicros));
        Assert.Empty(await bed.App.Service<PendingRateConversions>().TotalsAsync(Ct));
        var after = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/conversions", Ct);
        var row = Assert.Single(after.GetProperty("items").EnumerateArray());
        Assert.Equal(12m, row.GetProperty("revenue").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("awaitingRate").ValueKind);
        Assert.Equal(0, (await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/conversions?awaitingRate=true", Ct)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AFixedPayoutInACurrencyWithoutARateWaitsToo()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync(o => { o.PayoutMicros = 30_000_000; o.PayoutCurrency = "UAH"; }));

        var (response, _) = await bed.SendAsync($"subid={click.SubId}&status=lead");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("UAH", 30_000_000L), ((await bed.ConversionAsync(click.SubId))!.PendingCurrency, (await bed.ConversionAsync(click.SubId))!.PendingMicros));
        await bed.SetExchangeRatesAsync("USD", new() { ["UAH"] = 0.025m });
        Assert.Equal(750_000L, (await bed.ConversionAsync(click.SubId))!.RevenueMicros);
    }

    [Fact]
    public async Task SubIdParametersUpdateTheClick()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync(), c => c.Parameters["sub_id_1"] = "from-click");

        await bed.SendAsync($"subid={click.SubId}&sub_id_2=player-42&sub_id_15=vip");

        await using var db = await bed.NewDbAsync();
        var stored = await db.Clicks.AsNoTracking().SingleAsync(c => c.Id == click.Id, Ct);
        Assert.Equal("from-click", stored.Parameters["sub_id_1"]);
        Assert.Equal("player-42", stored.Parameters["sub_id_2"]);
        Assert.Equal("vip", stored.Parameters["sub_id_15"]);
    }

    [Fact]
    public async Task CpcOfferConversionIsCountedWithoutExtraRevenue()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync(o => o.PayoutType = PayoutType.Cpc));
        await bed.SendAsync($"subid={click.SubId}&payout=3");
        var conversion = await bed.ConversionAsync(click.SubId);
        Assert.Equal((ConversionStatus.Sale, 0L, 3_000_000L), (conversion!.Status, conversion.RevenueMicros, conversion.OriginalPayoutMicros));
    }

    [Fact]
    public async Task DatabaseHeldByAnotherWriterAnswers503AndTheRetrySucceeds()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var dbPath = Path.Combine(bed.App.DataDirectory, "tracker.db");

        await using (var blocker = new SqliteConnection($"Data Source={dbPath};Pooling=False"))
        {
            await blocker.OpenAsync(Ct);
            await using var hold = blocker.BeginTransaction(deferred: false);
            var (busy, body) = await bed.SendAsync($"subid={click.SubId}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.StartsWith("busy:", body);
            Assert.Equal(TimeSpan.FromSeconds(5), busy.Headers.RetryAfter?.Delta);
        }

        var (retry, _) = await bed.SendAsync($"subid={click.SubId}");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.NotNull(await bed.ConversionAsync(click.SubId));
    }

    [Fact]
    public async Task PostbackEndpointSetsNoCookiesAndNeedsNoAntiforgery()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var response = await bed.Client.PostAsync(bed.PostbackPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["subid"] = click.SubId }), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ConversionsAndPostbacksAreListedInTheApi()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync();
        var click = await bed.AddClickAsync(offer);
        await bed.SendAsync($"subid={click.SubId}&status=lead&tid=A1");
        var api = bed.App.CreateApiClient();

        var conversions = await api.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>($"/api/v1/conversions?offerId={offer.Id}", Ct);
        var conversion = Assert.Single(System.Text.Json.JsonSerializer.Deserialize<List<Dictionary<string, object>>>(conversions!["items"])!);
        Assert.Equal(click.SubId, conversion["subId"].ToString());
        Assert.Equal("lead", conversion["status"].ToString());
        Assert.Equal("10", conversion["revenue"].ToString());
        Assert.Equal("USD", conversion["currency"].ToString());
        Assert.Equal(offer.Name, conversion["offerName"].ToString());

        var postbacks = await api.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/v1/postbacks?limit=5", Ct);
        Assert.Equal("created", Assert.Single(postbacks!)["outcome"].ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.Client.GetAsync("/api/v1/conversions", Ct)).StatusCode);
    }
}
