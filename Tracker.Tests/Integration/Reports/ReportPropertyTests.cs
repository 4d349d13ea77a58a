using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Core.Reports;
using Tracker.Core.Security;
using Tracker.Tests.Integration.Postbacks;
using Tracker.Web.Clicks;
using Tracker.Web.Reports;

namespace Tracker.Tests.Integration.Reports;

/// <summary>
/// Random clicks, postbacks, status changes and rebills — around the 2026 DST changes — go through the
/// real click writer and the real postback endpoint onto a real SQLite file; then random reports (any
/// zone, grouping, filters, attribution) must equal a brute-force sum over the raw rows.
/// </summary>
public sealed class ReportPropertyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe"];
    private static readonly string[] Countries = ["DE", "US", "IN", "NP", ""];
    // Europe's clocks go forward on 2026-03-29 and back on 2026-10-25; Lord Howe's by half an hour on 2026-04-05 and 2026-10-04.
    private static readonly (DateTime Start, DateTime End)[] Windows =
    [
        (new(2026, 3, 26, 0, 0, 0, DateTimeKind.Utc), new(2026, 4, 7, 0, 0, 0, DateTimeKind.Utc)),
        (new(2026, 10, 2, 0, 0, 0, DateTimeKind.Utc), new(2026, 10, 6, 0, 0, 0, DateTimeKind.Utc)),
        (new(2026, 10, 23, 0, 0, 0, DateTimeKind.Utc), new(2026, 10, 28, 0, 0, 0, DateTimeKind.Utc)),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RandomReportsEqualBruteForceSumsOverRawRows(int seed)
    {
        var random = new Random(seed);
        await using var bed = await PostbackTestBed.StartAsync(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        // Day rollups in Berlin: reports in Berlin read them, every other zone the 15-minute rows.
        await bed.SetExchangeRatesAsync("USD", [], timeZone: "Europe/Berlin");
        await WaitForDayRollupsAsync(bed, "Europe/Berlin");
        await SeedRandomTrafficAsync(bed, random, clicks: 400);

        await using var db = await bed.NewDbAsync();
        var oracle = await ReportOracle.LoadAsync(db);
        var reports = bed.App.Service<IReportSource>();
        for (var i = 0; i < 60; i++)
        {
            var request = RandomRequest(random, oracle);
            await AssertMatchesAsync(reports, oracle, request, $"seed {seed}, report {i}");
            await AssertLimitKeepsTheFirstRowsAsync(reports, request, random.Next(1, 8), $"seed {seed}, report {i}");
            await AssertLimitKeepsTheFirstRowsAsync(reports, request with { SortByKeys = true, SortDescending = random.Next(2) == 0 }, random.Next(1, 8), $"seed {seed}, report {i} by keys");
        }

        // Each day grain at least once (Berlin, no hours): by offer, by country, by both, by nothing.
        ReportDimension[][] dayGrains = [[ReportDimension.Offer, ReportDimension.Week], [ReportDimension.Country, ReportDimension.Day], [ReportDimension.Country, ReportDimension.OfferGroup], []];
        foreach (var groupBy in dayGrains)
            foreach (var attribution in new[] { ReportAttribution.Click, ReportAttribution.Conversion })
                await AssertMatchesAsync(reports, oracle, new ReportRequest
                {
                    From = new DateOnly(2026, 3, 27), To = new DateOnly(2026, 10, 26), TimeZone = "Europe/Berlin", GroupBy = groupBy,
                    Attribution = attribution, Limit = 10_000,
                }, $"seed {seed}, day grain [{string.Join(", ", groupBy)}]");

        // Rebuild from raw rows == what the click batches and postbacks kept.
        var incremental = await RollupRowsAsync(bed);
        await bed.App.Service<RollupBuilder>().RebuildAllAsync("Europe/Berlin", Ct);
        var rebuilt = await RollupRowsAsync(bed);
        Assert.True(incremental.Count > 100, $"only {incremental.Count} rollup rows");
        Assert.Equal(incremental, rebuilt);
    }

    [Fact]
    public async Task DeletingOldRawClicksChangesNoReportTotal()
    {
        var random = new Random(7);
        await using var bed = await PostbackTestBed.StartAsync(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await WaitForDayRollupsAsync(bed, "UTC");
        await SeedRandomTrafficAsync(bed, random, clicks: 150);
        var reports = bed.App.Service<IReportSource>();
        var request = new ReportRequest
        {
            From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 11, 30), TimeZone = "Asia/Kolkata",
            GroupBy = [ReportDimension.Day, ReportDimension.Offer], Limit = 10_000,
        };
        var before = await reports.RunAsync(request, Ct);

        // Retention: everything before October goes, conversions with their clicks.
        await using (var db = await bed.NewDbAsync())
        {
            var cutoff = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.ConversionTransactions.Where(t => db.Conversions.Any(v => v.Id == t.ConversionId && v.ClickedAt < cutoff)).ExecuteDeleteAsync(Ct);
            await db.Conversions.Where(v => v.ClickedAt < cutoff).ExecuteDeleteAsync(Ct);
            Assert.True(await db.Clicks.Where(c => c.CreatedAt < cutoff).ExecuteDeleteAsync(Ct) > 20);
        }
        var after = await reports.RunAsync(request, Ct);

        Assert.True(before.Totals.Clicks == 150 && before.Totals.Sales + before.Totals.Leads > 0, $"{before.Totals}");
        Assert.Equal(before.Totals, after.Totals);
        Assert.Equal(before.Rows.Select(r => (string.Join("|", r.Keys.Select(k => k.Value)), r.Counters)),
            after.Rows.Select(r => (string.Join("|", r.Keys.Select(k => k.Value)), r.Counters)));
    }

    internal static async Task WaitForDayRollupsAsync(PostbackTestBed bed, string zone)
    {
        var builder = bed.App.Service<RollupBuilder>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await builder.IsBuiltForAsync(zone, Ct))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the day rollups were not built for {zone} within 30 s");
            await Task.Delay(50, Ct);
        }
    }

    private static async Task AssertMatchesAsync(IReportSource reports, ReportOracle oracle, ReportRequest request, string what)
    {
        var describe = $"{what}: {request.From}..{request.To} {request.TimeZone} groupBy [{string.Join(", ", request.GroupBy)}] " +
                       $"filters [{string.Join(", ", request.Filters.Select(f => $"{f.Dimension}={f.Value}"))}] {request.Attribution}";
        var (expected, totals) = oracle.Run(request);
        var result = await reports.RunAsync(request, Ct);
        var actual = result.Rows.ToDictionary(r => string.Join("|", r.Keys.Select(k => k.Value)), r => r.Counters);
        Assert.False(result.Truncated, describe);
        Assert.True(totals == result.Totals, $"{describe}\n totals expected {totals}\n got {result.Totals}");
        foreach (var (key, counters) in expected)
            Assert.True(actual.TryGetValue(key, out var got) && got == counters, $"{describe}\n group '{key}' expected {counters}\n got {(actual.TryGetValue(key, out var g) ? g : "nothing")}");
        Assert.True(expected.Count == actual.Count, $"{describe}\n extra groups: {string.Join("; ", actual.Keys.Except(expected.Keys))}");

        // Sorted as asked: never a smaller value before a larger one (descending), undefined ratios last.
        var values = result.Rows.Select(r => ReportMetrics.Value(request.SortBy, r.Counters)).ToList();
        var defined = values.TakeWhile(v => v is not null).ToList();
        Assert.All(values.Skip(defined.Count), v => Assert.Null(v));
        for (var i = 1; i < defined.Count; i++)
            Assert.True(request.SortDescending ? defined[i - 1] >= defined[i] : defined[i - 1] <= defined[i], $"{describe}: not sorted by {request.SortBy}");
    }

    /// <summary>A limited report is the first rows of the whole one, in the same order (ties in key order), with the same totals.</summary>
    private static async Task AssertLimitKeepsTheFirstRowsAsync(IReportSource reports, ReportRequest request, int limit, string what)
    {
        var whole = await reports.RunAsync(request, Ct);
        var first = await reports.RunAsync(request with { Limit = limit }, Ct);
        static IEnumerable<(string, ReportCounters)> Rows(ReportResult r) => r.Rows.Select(row => (string.Join("|", row.Keys.Select(k => k.Value)), row.Counters));
        Assert.Equal(Rows(whole).Take(limit), Rows(first));
        Assert.Equal(whole.Rows.Count > limit, first.Truncated);
        Assert.True(whole.Totals == first.Totals, $"{what}: totals differ with limit {limit}");
    }

    private static ReportRequest RandomRequest(Random random, ReportOracle oracle)
    {
        var zone = Zones[random.Next(Zones.Length)];
        var window = random.Next(4);
        (DateOnly From, DateOnly To) range = window switch
        {
            0 => (new DateOnly(2026, 3, 25).AddDays(random.Next(5)), new DateOnly(2026, 3, 30).AddDays(random.Next(9))),
            1 => (new DateOnly(2026, 10, 1).AddDays(random.Next(3)), new DateOnly(2026, 10, 4).AddDays(random.Next(3))),
            2 => (new DateOnly(2026, 10, 22).AddDays(random.Next(3)), new DateOnly(2026, 10, 25).AddDays(random.Next(4))),
            _ => (new DateOnly(2026, 3, 1), new DateOnly(2026, 11, 30)),
        };
        var dimensions = ReportNames.AllDimensions.Where(d => window < 3 || d != ReportDimension.Hour).OrderBy(_ => random.Next()).Take(random.Next(4)).ToList();
        var filters = new List<ReportFilter>();
        foreach (var d in ReportNames.AllDimensions.Where(d => !ReportNames.IsTime(d)).OrderBy(_ => random.Next()).Take(random.Next(3)))
        {
            if (random.Next(3) == 0) continue;
            var click = oracle.Clicks[random.Next(oracle.Clicks.Count)];
            var value = d switch
            {
                ReportDimension.Campaign => Id(click.CampaignId),
                ReportDimension.Stream => Id(click.StreamId),
                ReportDimension.Offer => Id(click.OfferId),
                ReportDimension.OfferGroup => Id(oracle.GroupOf(click.OfferId)),
                ReportDimension.AffiliateNetwork => Id(click.AffiliateNetworkId),
                ReportDimension.Country => click.Country,
                _ => click.Parameters.GetValueOrDefault(ClickReportColumns.All.Single(c => c.Dimension == d).Parameter, ""),
            };
            if (value is not null) filters.Add(new ReportFilter(d, value));
        }
        var metrics = ReportNames.AllMetrics.ToList();
        return new ReportRequest
        {
            From = range.From, To = range.To, TimeZone = zone, GroupBy = dimensions, Filters = filters,
            Attribution = random.Next(2) == 0 ? ReportAttribution.Click : ReportAttribution.Conversion,
            SortBy = metrics[random.Next(metrics.Count)], SortDescending = random.Next(2) == 0, Limit = 10_000,
        };

        static string? Id(int? id) => id is { } i and > 0 ? i.ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Clicks at random times in the windows through the click writer (in concurrent bursts, so they share
    /// batches), then postbacks in time order through the HTTP endpoint: leads, sales, lead→sale,
    /// →rejected, rebills and rejected rebills.
    /// </summary>
    internal static async Task SeedRandomTrafficAsync(PostbackTestBed bed, Random random, int clicks)
    {
        await using (var db = await bed.NewDbAsync())
        {
            db.OfferGroups.Add(new OfferGroup { Name = "Grouped" });
            await db.SaveChangesAsync(Ct);
        }
        int groupId;
        await using (var db = await bed.NewDbAsync()) groupId = (await db.OfferGroups.FirstAsync(Ct)).Id;
        var offers = new List<Offer>
        {
            await bed.AddOfferAsync(o => { o.PayoutAuto = true; o.Rebills = true; o.GroupId = groupId; }),
            await bed.AddOfferAsync(o => { o.PayoutAuto = true; o.Rebills = true; }),
            await bed.AddOfferAsync(o => o.PayoutAuto = true),
            await bed.AddOfferAsync(o => o.GroupId = groupId),
        };

        var recorder = bed.App.Service<ClickRecorder>();
        var all = new List<Click>();
        for (var i = 0; i < clicks; i++)
        {
            var (start, end) = Windows[random.Next(Windows.Length)];
            var offer = random.Next(8) == 0 ? null : offers[random.Next(offers.Count)];
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            if (random.Next(4) > 0) parameters["source"] = new[] { "fb", "google", "tiktok" }[random.Next(3)];
            if (random.Next(2) > 0) parameters["keyword"] = new[] { "casino", "slots" }[random.Next(2)];
            if (random.Next(5) > 0) parameters["sub_id_1"] = "s" + random.Next(6);
            if (random.Next(3) == 0) parameters["sub_id_3"] = "z" + random.Next(2);
            var clickedAt = start.AddSeconds(random.NextDouble() * (end - start).TotalSeconds);
            all.Add(new Click
            {
                SubId = SubId.New(clickedAt),
                CreatedAt = clickedAt,
                CampaignId = bed.CampaignId,
                StreamId = random.Next(3) == 0 ? null : 1 + random.Next(3),
                OfferId = offer?.Id,
                AffiliateNetworkId = offer?.AffiliateNetworkId,
                Country = Countries[random.Next(Countries.Length)],
                Ip = "203.0.113." + random.Next(1, 250),
                UserAgent = "Mozilla/5.0",
                IsUnique = random.Next(3) > 0,
                Parameters = parameters,
                CostBaseMicros = random.Next(3) == 0 ? 0 : random.Next(1, 500_000),
                RevenueMicros = random.Next(6) == 0 ? random.Next(1, 300_000) : 0,
                // Every seventh a bot, by turns of each reason (not from random: the rest of the traffic stays as it was).
                BotReason = i % 7 == 0 ? (BotReason)(1 + i / 7 % 3) : BotReason.None,
            });
        }
        foreach (var burst in all.Chunk(25))
            Assert.All(await Task.WhenAll(burst.Select(c => recorder.RecordAsync(c).AsTask())), stored => Assert.True(stored));

        // Postbacks: each converting click gets a story, all stories interleaved in time order.
        var events = new List<(DateTime At, string Query)>();
        foreach (var click in all.Where(c => c.OfferId is not null && random.Next(3) > 0))
        {
            var offer = offers.Single(o => o.Id == click.OfferId);
            var at = click.CreatedAt.AddMinutes(random.Next(1, 3 * 24 * 60));
            var status = random.Next(2) == 0 ? "lead" : "sale";
            events.Add((at, $"subid={click.SubId}&status={status}&payout={Payout(random)}&tid=t0"));
            var rebills = 0;
            for (var step = random.Next(4); step > 0; step--)
            {
                at = at.AddMinutes(random.Next(1, 4 * 24 * 60));
                var roll = random.Next(6);
                string query;
                if (roll == 0) query = $"subid={click.SubId}&status=rejected";
                else if (roll == 1 && status == "lead") { query = $"subid={click.SubId}&status=sale&tid=t0"; status = "sale"; }
                else if (roll == 2 && rebills > 0) query = $"subid={click.SubId}&status=rejected&tid=r{random.Next(rebills)}";
                else if (offer.Rebills) query = $"subid={click.SubId}&status=rebill&payout={Payout(random)}&tid=r{rebills++}";
                else query = $"subid={click.SubId}&status=sale";
                events.Add((at, query));
            }
        }
        foreach (var (at, query) in events.OrderBy(e => e.At))
        {
            if (at > bed.Now) bed.Clock.SetUtcNow(at);
            var (response, body) = await bed.SendAsync(query);
            Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {body}");
        }
    }

    private static string Payout(Random random) => (random.Next(1, 5000) / 100m).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task RebuildRollupsCommandRebuildsThemFromRawRowsAndExits()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tracker-tests", Guid.NewGuid().ToString("N"));
        try
        {
            List<string> kept;
            await using (var bed = await PostbackTestBed.StartAsync(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), dataDirectory))
            {
                await WaitForDayRollupsAsync(bed, "UTC");
                await SeedRandomTrafficAsync(bed, new Random(11), clicks: 120);
                kept = await RollupRowsAsync(dataDirectory);
            }
            var database = Path.Combine(dataDirectory, "tracker.db");
            await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                // Drifted rollups: some rows gone, one wrong.
                await connection.OpenAsync(Ct);
                await using var damage = connection.CreateCommand();
                damage.CommandText = "DELETE FROM report_rollups WHERE Grain = 0 AND Bucket % 2 = 0; UPDATE report_rollups SET Clicks = Clicks + 1000 WHERE Grain = 1;";
                await damage.ExecuteNonQueryAsync(Ct);
            }
            Assert.NotEqual(kept, await RollupRowsAsync(dataDirectory));

            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Tracker.Tests.Integration.Clicks.TrackerProcess.WebDll);
            start.ArgumentList.Add("rebuild-rollups");
            start.Environment["Tracker__DataDirectory"] = dataDirectory;
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(Ct);
            var errors = process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await output} {await errors}");
            Assert.Contains("rebuilt", await output);

            Assert.Equal(kept, await RollupRowsAsync(dataDirectory));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { /* the OS temp cleaner takes it */ }
        }
    }

    internal static Task<List<string>> RollupRowsAsync(PostbackTestBed bed) =>
        RollupRowsAsync(Path.GetDirectoryName(bed.App.Service<Microsoft.Extensions.Options.IOptions<Tracker.Web.Options.TrackerOptions>>().Value.DatabasePath)!);

    /// <summary>Every rollup row with a non-zero counter, as text, in key order.</summary>
    internal static async Task<List<string>> RollupRowsAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "tracker.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        var columns = RollupSql.KeyColumns.Concat(RollupSql.CounterColumns).ToList();
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM report_rollups ORDER BY {string.Join(", ", RollupSql.KeyColumns)}";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            var values = Enumerable.Range(0, columns.Count).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).ToList();
            if (values.Skip(RollupSql.KeyColumns.Length).All(v => v == "0")) continue;
            rows.Add(string.Join(",", values));
        }
        return rows;
    }
}
