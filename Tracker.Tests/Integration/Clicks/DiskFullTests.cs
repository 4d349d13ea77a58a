using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>
/// The real process with its data directory on a small tmpfs that fills up, as a VPS disk does:
/// visitors keep being sent on, postbacks get 503 (networks retry), /health says why, and once space
/// is freed the tracker writes what waited and takes postbacks again, without a restart.
/// Needs root to mount the tmpfs (CI runs as root); fails loudly otherwise.
/// </summary>
public sealed class DiskFullTests
{
    [Fact(Timeout = 240_000)]
    public async Task AFullDiskStillRedirectsVisitorsAnswersPostbacks503AndRecoversWhenSpaceIsFreed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var disk = await SmallDisk.MountAsync(sizeMb: 24, ct);
        var tracker = new TrackerProcess(Path.Combine(disk.Path, "data"));
        try
        {
            await ClickDurabilityTests.SeedAsync(tracker, ct);
            await tracker.StartAsync(ct);
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = tracker.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var postbackKey = ReadPostbackKey(tracker.DatabasePath);

            var before = await ClickAsync(http, 0, ct);

            // Fill the disk to the last byte, then keep clicking until the tracker finds out.
            var filler = Path.Combine(disk.Path, "filler.bin");
            FillDisk(filler);
            var redirectedDuringOutage = new List<string>();
            HttpResponseMessage? health = null;
            for (var n = 1; n <= 20_000; n++)
            {
                redirectedDuringOutage.Add(await ClickAsync(http, n, ct)); // a 302 every time: visitors are never turned away
                if (n % 50 != 0) continue;
                health = await http.GetAsync("/health", ct);
                if (health.StatusCode == HttpStatusCode.ServiceUnavailable) break;
            }
            Assert.NotNull(health);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            using (var status = JsonDocument.Parse(await health.Content.ReadAsStringAsync(ct)))
            {
                Assert.Equal("degraded", status.RootElement.GetProperty("status").GetString());
                Assert.Equal("the disk is full", status.RootElement.GetProperty("storage").GetString());
                Assert.True(status.RootElement.GetProperty("clicksWaiting").GetInt32() > 0);
            }

            // A network's postback now: 503 with Retry-After, so it sends it again later.
            var refused = await http.GetAsync($"/{postbackKey}/postback?subid={before}&status=sale&payout=5", ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.StartsWith("busy: the disk is full", await refused.Content.ReadAsStringAsync(ct));
            var stillRedirected = await ClickAsync(http, 99_999, ct);
            redirectedDuringOutage.Add(stillRedirected);

            // Space is freed: within seconds the tracker is healthy again, with no restart.
            File.Delete(filler);
            var recovered = Stopwatch.StartNew();
            while ((await http.GetAsync("/health", ct)).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(recovered.Elapsed < TimeSpan.FromSeconds(60), "the tracker did not recover within 60 s of space being freed:\n" + tracker.Output);
                await Task.Delay(200, ct);
            }
            var retried = await http.GetAsync($"/{postbackKey}/postback?subid={before}&status=sale&payout=5", ct);
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            var after = await ClickAsync(http, 100_000, ct);

            Assert.Equal(0, await tracker.TerminateAsync(ct));
            var stored = tracker.StoredSubIds();
            Assert.Contains(before, stored);
            Assert.Contains(after, stored);
            // Every click whose visitor was sent on during the outage was written once the disk took it.
            Assert.All(redirectedDuringOutage, subId => Assert.Contains(subId, stored));
            Assert.Equal("ok", IntegrityCheck(tracker.DatabasePath));
            Assert.Equal(1L, Scalar(tracker.DatabasePath, $"SELECT count(*) FROM conversions WHERE SubId = '{before}'"));
        }
        finally
        {
            await tracker.DisposeAsync();
        }
    }

    private static async Task<string> ClickAsync(HttpClient http, int n, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/{ClickDurabilityTests.Alias}?sub_id_1={n}", ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return ClickTestKit.SubIdFrom(response.Headers.Location);
    }

    private static void FillDisk(string path)
    {
        var chunk = new byte[1 << 20];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true) file.Write(chunk);
        }
        catch (IOException)
        {
            // ENOSPC: write what still fits, a page at a time.
        }
        try
        {
            while (true) file.Write(chunk, 0, 4096);
        }
        catch (IOException)
        {
            // full to the last page
        }
    }

    private static string ReadPostbackKey(string databasePath) =>
        (string)Scalar(databasePath, "SELECT PostbackKey FROM settings WHERE Id = 1")!;

    private static string IntegrityCheck(string databasePath) => (string)Scalar(databasePath, "PRAGMA integrity_check")!;

    private static object? Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>A tmpfs of a few megabytes, unmounted when disposed.</summary>
    private sealed class SmallDisk : IAsyncDisposable
    {
        private SmallDisk(string path) => Path = path;

        public string Path { get; }

        public static async Task<SmallDisk> MountAsync(int sizeMb, CancellationToken ct)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tracker-tests", "disk-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            var (code, output) = await RunAsync("mount", ["-t", "tmpfs", "-o", $"size={sizeMb}m", "tmpfs", path], ct);
            Assert.True(code == 0, $"Mounting a {sizeMb} MB tmpfs at {path} failed (this test needs root, as CI has): {output}");
            return new SmallDisk(path);
        }

        public async ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            await RunAsync("umount", ["-l", Path], CancellationToken.None);
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { /* the OS temp cleaner takes it */ }
        }

        private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, CancellationToken ct)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = await process.StandardError.ReadToEndAsync(ct) + await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return (process.ExitCode, output);
        }
    }
}
