using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tracker.Web.Data;
using static Tracker.Tests.Integration.Clicks.ClickTestKit;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>
/// The upgrade that made clicks.Id a plain rowid (no AUTOINCREMENT) edits the table's definition in
/// place: every click stored before keeps its id and row, and new clicks are numbered after the highest.
/// </summary>
public sealed class ClickIdUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClicksStoredBeforeTheUpgradeKeepTheirIdsAndNewOnesAreNumberedAfterThem()
    {
        await using var app = CreateApp();
        var path = Path.Combine(app.DataDirectory, "tracker.db");
        var options = new DbContextOptionsBuilder<TrackerDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using (var db = new TrackerDbContext(options))
            await db.GetService<IMigrator>().MigrateAsync("20261130120017_TraceLines", cancellationToken: Ct);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            Assert.Contains("AUTOINCREMENT", await ClicksTableSqlAsync(connection));
            // Two clicks from before the upgrade, the second with a gap before its id.
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO clicks (Id, SubId, CreatedAt, CampaignId, StreamId, OfferId, AffiliateNetworkId, Country, Ip, UserAgent, Referrer, Language,
                    IsUnique, Parameters, CostMicros, CostCurrency, RevenueMicros, Trace)
                VALUES (1, 'q7c2m5nhp4r6t3vjw2x5y7z4ab', '2026-11-20 10:00:00', 1, NULL, NULL, NULL, 'DE', '', '', '', '', 1, '{}', 0, '', 0, '[]'),
                       (500, 'a6m3k2zq4rjh7wvx2bd5ncy3pe', '2026-11-29 23:30:00', 1, NULL, NULL, NULL, 'FR', '', '', '', '', 1, '{}', 0, '', 0, '[]');
                """;
            await insert.ExecuteNonQueryAsync(Ct);
        }

        // The first start migrates; three visitors click.
        await app.SimpleCampaignAsync("after-upgrade", "https://offer.example/lp?s={subid}");
        var visitor = app.Visitor(GermanIp);
        var subIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await visitor.GetAsync("/after-upgrade", Ct);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            subIds.Add(SubIdFrom(response.Headers.Location, "s"));
        }

        var clicks = await app.ClicksAsync();
        Assert.Equal([1L, 500L, 501L, 502L, 503L], clicks.Select(c => c.Id));
        Assert.Equal(["q7c2m5nhp4r6t3vjw2x5y7z4ab", "a6m3k2zq4rjh7wvx2bd5ncy3pe", .. subIds], clicks.Select(c => c.SubId));
        Assert.Equal(["DE", "FR"], clicks.Take(2).Select(c => c.Country));

        await using (var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            var sql = await ClicksTableSqlAsync(connection);
            Assert.DoesNotContain("AUTOINCREMENT", sql);
            Assert.Contains("\"Id\" INTEGER NOT NULL CONSTRAINT \"PK_clicks\" PRIMARY KEY,", sql);
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_sequence WHERE name = 'clicks'"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_schema WHERE name = '__schema_reload'"));
            Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
        }
    }

    [Fact]
    public async Task ANewDatabaseNumbersClicksWithAPlainRowid()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("fresh", "https://offer.example/lp?s={subid}");
        var response = await app.Visitor(GermanIp).GetAsync("/fresh", Ct);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "tracker.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        Assert.DoesNotContain("AUTOINCREMENT", await ClicksTableSqlAsync(connection));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_sequence WHERE name = 'clicks'"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT max(Id) FROM clicks"));
    }

    private static async Task<string> ClicksTableSqlAsync(SqliteConnection connection) =>
        (string)(await ScalarAsync(connection, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'clicks'"))!;

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
