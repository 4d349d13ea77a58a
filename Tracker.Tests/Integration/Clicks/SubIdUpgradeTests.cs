using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tracker.Core.Clicks;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Api;
using Tracker.Web.Data;
using Tracker.Web.Services;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>
/// Clicks are found by the time their subid carries, so the upgrade that dropped the subid index must
/// keep every subid issued before (random ones, and ones that carried only the second) findable.
/// </summary>
public sealed class SubIdUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A random subid from the first layout, and one from the layout that carried the click's second.
    private const string RandomSubId = "q7c2m5nhp4r6t3vjw2x5y7z4ab";
    private const string SecondsSubId = "a6m3k2zq4rjh7wvx2bd5ncy3pe";

    [Fact]
    public async Task SubIdsIssuedBeforeTheUpgradeStillFindTheirClicks()
    {
        await using var app = new TrackerApplication();
        var path = Path.Combine(app.DataDirectory, "tracker.db");
        var options = new DbContextOptionsBuilder<TrackerDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using (var db = new TrackerDbContext(options))
            await db.GetService<IMigrator>().MigrateAsync("20261130025639_BotDetection", cancellationToken: Ct);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"""
                INSERT INTO clicks (SubId, CreatedAt, CampaignId, StreamId, OfferId, AffiliateNetworkId, Country, Ip, UserAgent, Referrer, Language,
                    IsUnique, Parameters, CostMicros, CostCurrency, RevenueMicros, Trace)
                VALUES ('{RandomSubId}', '2026-11-20 10:00:00', 1, NULL, NULL, NULL, 'DE', '', '', '', '', 1, '{"{}"}', 0, '', 0, '[]'),
                       ('{SecondsSubId}', '2026-11-29 23:30:00.25', 1, NULL, NULL, NULL, 'FR', '', '', '', '', 1, '{"{}"}', 0, '', 0, '[]');
                """;
            await insert.ExecuteNonQueryAsync(Ct);
        }

        // The first start migrates; the admin API and postbacks find both old clicks.
        var api = app.CreateApiClient();
        foreach (var (subId, country) in new[] { (RandomSubId, "DE"), (SecondsSubId, "FR") })
        {
            var click = await (await api.GetAsync($"/api/v1/clicks/{subId.ToUpperInvariant()}", Ct)).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal((subId, country), (click["subId"]!.GetValue<string>(), click["country"]!.GetValue<string>()));
        }
        var key = app.Service<SettingsStore>().Current.PostbackKey;
        var postbacks = app.CreateClient();
        var answer = await postbacks.GetAsync($"/{key}/postback?subid={SecondsSubId}&status=sale&payout=7", Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var conversions = await (await api.GetAsync($"/api/v1/conversions?subid={SecondsSubId}", Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(conversions["items"]!.AsArray());

        // A subid of the right shape that was never issued is still unknown: 404, nothing recorded.
        var unknown = await postbacks.GetAsync($"/{key}/postback?subid={SubId.New(DateTime.UtcNow)}&status=sale&payout=7", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
