using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Api;
using Tracker.Web.Backups;

namespace Tracker.Tests.Integration.Backups;

public sealed class BackupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> BackUpAsync(HttpClient api)
    {
        var response = await api.PostAsync("/api/v1/backups", null, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task BackUpNowMakesACheckedCopyThatIsListedAndDownloadable()
    {
        await using var app = new TrackerApplication();
        var api = app.CreateApiClient();
        await api.CreateOfferAsync("In the backup");

        var made = await BackUpAsync(api);

        var name = made.GetProperty("name").GetString()!;
        Assert.Matches(@"^tracker-\d{8}-\d{6}-manual\.db$", name);
        Assert.Equal("ok", made.GetProperty("integrity").GetString());
        Assert.True(made.GetProperty("sizeBytes").GetInt64() > 0);
        var file = Path.Combine(app.DataDirectory, "backups", name);
        Assert.True(File.Exists(file));
        using (var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False"))
        {
            copy.Open();
            using var command = copy.CreateCommand();
            command.CommandText = "SELECT Name FROM offers";
            Assert.Equal("In the backup", command.ExecuteScalar());
        }

        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/backups", Ct);
        Assert.Equal(name, Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());
        var download = await api.GetAsync(made.GetProperty("downloadUrl").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("SQLite format 3", Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync(Ct))[..15]);
    }

    [Theory]
    [InlineData("tracker.db")]
    [InlineData("..%2Ftracker.db")]
    [InlineData("tracker-20261130-000000-manual.db")]
    public async Task OnlyExistingBackupFilesCanBeDownloaded(string name)
    {
        await using var app = new TrackerApplication();
        var response = await app.CreateApiClient().GetAsync($"/api/v1/backups/{name}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheAdminDownloadNeedsTheAdminsLoginAndTheApiNeedsTheKey()
    {
        await using var app = new TrackerApplication();
        var name = (await BackUpAsync(app.CreateApiClient())).GetProperty("name").GetString()!;
        var admin = AdminFormClient.Create(app);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/backups/{name}", Ct)).StatusCode);
        var anonymous = await admin.GetAsync($"/admin/backups/{name}");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);

        await admin.SetupAsync();
        var signedIn = await admin.GetAsync($"/admin/backups/{name}");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(name, signedIn.Content.Headers.ContentDisposition?.FileNameStar ?? signedIn.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task OnlyTheNewestBackupsAreKeptAndUpgradeCopiesAreLeftAlone()
    {
        await using var app = new TrackerApplication(new() { ["Tracker:Backups:Keep"] = "2" });
        var api = app.CreateApiClient();
        var preMigration = Path.Combine(app.DataDirectory, "backups", "tracker-20260101-000000-pre-migration.db");
        Directory.CreateDirectory(Path.GetDirectoryName(preMigration)!);
        File.Copy(Path.Combine(app.DataDirectory, "tracker.db"), preMigration);

        var names = new List<string>();
        for (var i = 0; i < 3; i++) names.Add((await BackUpAsync(api)).GetProperty("name").GetString()!);

        var kept = (await api.GetFromJsonAsync<JsonElement>("/api/v1/backups", Ct)).EnumerateArray()
            .Select(b => b.GetProperty("name").GetString()!).ToList();
        Assert.Equal([names[2], names[1], Path.GetFileName(preMigration)], kept);
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, "backups", names[0])));
    }

    [Fact]
    public async Task ScheduledBackupsAreMadeEveryIntervalAfterStartUp()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        await using var app = new TrackerApplication(new() { ["Tracker:Backups:IntervalHours"] = "6" })
        {
            ConfigureTestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        var backups = app.Service<BackupService>();

        await AdvanceUntilAsync(clock, () => backups.List().Count == 1);
        var first = Assert.Single(backups.List());
        Assert.Equal(("scheduled", "ok"), (first.Reason, first.Integrity));
        Assert.True(first.CreatedAt <= new DateTime(2026, 11, 30, 1, 5, 0, DateTimeKind.Utc), "due a minute after start-up");

        await AdvanceUntilAsync(clock, () => backups.List().Count == 2);
        var second = backups.List()[0];
        Assert.True(second.CreatedAt - first.CreatedAt >= TimeSpan.FromHours(6));
    }

    /// <summary>Moves the fake clock a minute at a time until the scheduler has done its work (real time bounded).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The scheduled backup did not happen.");
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>
    /// The restore procedure of docs/operations.md, end to end: a backup of a running tracker, put as
    /// tracker.db into a fresh data directory, starts a tracker that routes clicks and records
    /// postbacks for clicks made before the backup.
    /// </summary>
    [Fact]
    public async Task AFreshDataDirectoryRestoredFromABackupServesClicksAndPostbacks()
    {
        string backup;
        string oldSubId;
        string postbackKey;
        await using (var original = new TrackerApplication())
        {
            var api = original.CreateApiClient();
            var offerId = await api.CreateOfferAsync("Restored offer", "https://network.example/c?s={subid}");
            await api.CreateAsync("/api/v1/campaigns", $$"""
                { "name": "Restore me", "alias": "restore-me",
                  "streams": [ { "name": "All", "type": "default", "action": "offers", "offers": [ { "offerId": {{offerId}}, "share": 100 } ] } ] }
                """);
            oldSubId = await ClickAsync(original.CreateClient(new() { AllowAutoRedirect = false }));
            postbackKey = (await api.GetFromJsonAsync<JsonElement>("/api/v1/settings", Ct)).GetProperty("postbackKey").GetString()!;
            var made = await BackUpAsync(api);
            backup = Path.Combine(original.DataDirectory, "backups", made.GetProperty("name").GetString()!);
            var kept = Path.Combine(Path.GetTempPath(), "tracker-tests", $"{Guid.NewGuid():N}.db");
            File.Copy(backup, kept);
            backup = kept;
        }

        var restoredDirectory = Path.Combine(Path.GetTempPath(), "tracker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(restoredDirectory);
        File.Move(backup, Path.Combine(restoredDirectory, "tracker.db"));
        await using var restored = new TrackerApplication(new() { ["Tracker:DataDirectory"] = restoredDirectory });
        var client = restored.CreateKestrelClient(new HttpClientHandler { AllowAutoRedirect = false });

        var newSubId = await ClickAsync(client);
        Assert.NotEqual(oldSubId, newSubId);
        foreach (var subId in new[] { oldSubId, newSubId })
        {
            var postback = await client.GetAsync($"/{postbackKey}/postback?subid={subId}&status=sale", Ct);
            Assert.Equal(HttpStatusCode.OK, postback.StatusCode);
            Assert.StartsWith("created", await postback.Content.ReadAsStringAsync(Ct));
        }
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conversions");
        list.Headers.Add(Tracker.Web.Security.ApiKeyFilter.HeaderName, TrackerApplication.TestApiKey);
        var conversions = await (await client.SendAsync(list, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, conversions.GetProperty("total").GetInt32());
    }

    private static async Task<string> ClickAsync(HttpClient client)
    {
        var response = await client.GetAsync("/restore-me", Ct);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("https://network.example/c?s=", location);
        return location["https://network.example/c?s=".Length..];
    }
}
