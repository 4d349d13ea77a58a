using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Integration;

public sealed class HostTests
{
    [Fact]
    public async Task HealthAnswersOkWithStatusOnly()
    {
        await using var app = new TrackerApplication();
        var response = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Single(body.EnumerateObject());
    }

    [Fact]
    public async Task FreshDataDirectoryGetsMigratedDatabaseInWalMode()
    {
        await using var app = new TrackerApplication();
        _ = app.CreateClient();
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "tracker.db")));
        Assert.True(Directory.Exists(Path.Combine(app.DataDirectory, "keys")));
        await using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "tracker.db")}");
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FirstVisitToAdminAsksToCreateTheAccount()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/admin/offers", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/setup", response.Headers.Location?.OriginalString);
    }
}
