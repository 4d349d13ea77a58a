using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Api;
using Tracker.Web.Data;

namespace Tracker.Tests.Integration.Reports;

public sealed class ReportUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUpgradedDatabaseReportsTheClicksItHadBeforeReportsExisted()
    {
        await using var app = new TrackerApplication();
        var path = Path.Combine(app.DataDirectory, "tracker.db");
        var options = new DbContextOptionsBuilder<TrackerDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using (var db = new TrackerDbContext(options))
            await db.GetService<IMigrator>().MigrateAsync("20261123235720_InitialCreate", cancellationToken: Ct);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO clicks (SubId, CreatedAt, CampaignId, StreamId, OfferId, AffiliateNetworkId, Country, Ip, UserAgent, Referrer, Language,
                    IsUnique, Parameters, CostMicros, CostCurrency, RevenueMicros, Trace)
                VALUES ('old1', '2026-11-20 10:00:00', 1, NULL, NULL, NULL, 'DE', '', '', '', '', 1, '{"sub_id_1":"banner","source":"fb"}', 500000, '', 0, '[]'),
                       ('old2', '2026-11-20 23:30:00', 1, NULL, NULL, NULL, 'DE', '', '', '', '', 0, '{"sub_id_1":"video"}', 0, '', 20000, '[]');
                """;
            await insert.ExecuteNonQueryAsync(Ct);
        }

        // The first start migrates (the clicks get their report columns) and builds the rollups before it takes clicks.
        var api = app.CreateApiClient();
        var byCountry = await (await api.PostJsonAsync("/api/v1/reports",
            """{ "from": "2026-11-20", "to": "2026-11-20", "timeZone": "UTC", "groupBy": ["country"] }""")).ExpectAsync(HttpStatusCode.OK);
        var de = byCountry["rows"]!.AsArray().Single()!;
        Assert.Equal(("DE", 2L, 1L, 0.5m, 0.02m), (de["country"]!.GetValue<string>(), de["clicks"]!.GetValue<long>(),
            de["uniqueClicks"]!.GetValue<long>(), de["cost"]!.GetValue<decimal>(), de["revenue"]!.GetValue<decimal>()));

        var bySubId = await (await api.PostJsonAsync("/api/v1/reports",
            """{ "from": "2026-11-20", "to": "2026-11-20", "timeZone": "UTC", "groupBy": ["sub_id_1"], "filters": { "source": "fb" } }""")).ExpectAsync(HttpStatusCode.OK);
        var banner = bySubId["rows"]!.AsArray().Single()!;
        Assert.Equal(("banner", 1L), (banner["sub_id_1"]!.GetValue<string>(), banner["clicks"]!.GetValue<long>()));

        // In Kolkata (+5:30) the 23:30 UTC click is on the next day.
        var kolkata = await (await api.PostJsonAsync("/api/v1/reports",
            """{ "from": "2026-11-20", "to": "2026-11-21", "timeZone": "Asia/Kolkata", "groupBy": ["day"] }""")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([("2026-11-20", 1L), ("2026-11-21", 1L)],
            kolkata["rows"]!.AsArray().Select(r => (r!["day"]!.GetValue<string>(), r["clicks"]!.GetValue<long>())));
    }
}
