using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Live;
using Tracker.Web.LocalOffers;
using static Tracker.Tests.LocalOffers.LocalOfferTesting;

namespace Tracker.Tests.LocalOffers;

public sealed class LocalOfferUploadTests
{
    public static TheoryData<string> HostileArchives => new(HostileArchive.Cases.Keys);

    [Theory]
    [MemberData(nameof(HostileArchives))]
    public async Task HostileArchiveIsRefusedWholeWritesNothingAndThePreviousVersionKeepsServing(string name)
    {
        var (build, expected) = HostileArchive.Cases[name];
        var absoluteTarget = Path.Combine(Path.GetTempPath(), $"tracker-evil-{Guid.NewGuid():N}.txt");
        await using var app = new TrackerApplication();
        var offer = await app.CreateOfferAsync();
        var api = app.CreateApiClient();
        var first = await api.UploadOkAsync(offer.Id, TestArchive.Landing("Version one").ToBytes());
        var key = first.GetProperty("key").GetString()!;
        var before = app.FilesOnDisk();
        var versionBefore = (await app.ReadOfferAsync(offer.Id)).Version;

        var response = await api.UploadAsync(offer.Id, build(absoluteTarget), "hostile.zip");

        var problems = await response.ProblemsAsync();
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(before, app.FilesOnDisk());
        Assert.False(File.Exists(absoluteTarget));
        Assert.Empty(Directory.EnumerateFileSystemEntries(app.Service<LocalOfferStore>().TempRoot));
        // Nothing escaped into this tracker's data or next to it. Only this tracker's own folder is searched
        // deeply: the other test trackers' folders beside it are theirs (a browser test keeps an evil.zip there).
        Assert.Empty(Directory.EnumerateFiles(app.DataDirectory, "evil*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(app.DataDirectory)!, "evil*", SearchOption.TopDirectoryOnly));
        Assert.Equal(versionBefore, (await app.ReadOfferAsync(offer.Id)).Version);
        var page = await app.CreateClient().GetStringAsync($"/lo/{key}/", Ct);
        Assert.Contains("Version one", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreEntriesThanConfiguredAreRefused()
    {
        await using var app = new TrackerApplication(new() { ["Tracker:LocalOffers:MaxFiles"] = "5" });
        var offer = await app.CreateOfferAsync();
        var archive = TestArchive.Landing();
        for (var i = 0; i < 3; i++) archive.File($"img/{i}.png", TestArchive.Pixel);

        var problems = await (await app.CreateApiClient().UploadAsync(offer.Id, archive.ToBytes())).ProblemsAsync();

        Assert.Equal(["The archive has 6 entries; at most 5 are allowed."], problems);
        Assert.Empty(app.FilesOnDisk());
    }

    [Fact]
    public async Task ArchiveExpandingBeyondTheByteLimitIsStoppedWhileWriting()
    {
        await using var app = LimitedTo2Mb();
        var offer = await app.CreateOfferAsync();
        var zip = TestArchive.Landing().File("big.bin", new byte[3 * 1024 * 1024]).ToBytes();

        var problems = await (await app.CreateApiClient().UploadAsync(offer.Id, zip)).ProblemsAsync();

        Assert.Equal(["The archive expands to more than 2 MB, the limit for a local offer."], problems);
        Assert.Empty(app.FilesOnDisk());
        Assert.Empty(Directory.EnumerateFileSystemEntries(app.Service<LocalOfferStore>().TempRoot));
    }

    [Fact]
    public async Task ArchiveLyingAboutItsSizesIsRefusedAsDamaged()
    {
        await using var app = LimitedTo2Mb();
        var offer = await app.CreateOfferAsync();
        var lying = TestArchive.LieAboutSizes(TestArchive.Landing().File("big.bin", new byte[3 * 1024 * 1024]).ToBytes(), declared: 10);

        var problems = await (await app.CreateApiClient().UploadAsync(offer.Id, lying)).ProblemsAsync();

        Assert.Single(problems);
        Assert.Contains("damaged", problems[0], StringComparison.Ordinal);
        Assert.Empty(app.FilesOnDisk());
        Assert.False((await app.ReadOfferAsync(offer.Id)).IsLocal);
    }

    private static TrackerApplication LimitedTo2Mb() => new(new()
    {
        ["Tracker:LocalOffers:MaxExtractedBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Tracker:LocalOffers:CompressionRatioThresholdBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task UploadLargerThanTheArchiveLimitIsRefusedBeforeItIsStored()
    {
        await using var app = new TrackerApplication(new() { ["Tracker:LocalOffers:MaxArchiveBytes"] = "4096" });
        var offer = await app.CreateOfferAsync();
        var random = new byte[200 * 1024];
        new Random(7).NextBytes(random);
        var zip = TestArchive.Landing().File("noise.bin", random, CompressionLevel.NoCompression).ToBytes();

        var problems = await (await app.CreateApiClient().UploadAsync(offer.Id, zip)).ProblemsAsync();

        Assert.Equal(["The archive is larger than 4 KB, the limit (Tracker:LocalOffers:MaxArchiveBytes)."], problems);
        Assert.Empty(app.FilesOnDisk());
    }

    [Fact]
    public async Task LegitimateHighlyCompressibleFilesPass()
    {
        await using var app = new TrackerApplication();
        var offer = await app.CreateOfferAsync();
        // A big generated stylesheet (compresses well, as real CSS does) and a small file of blanks (compresses ~1000×).
        var css = new StringBuilder();
        for (var i = 0; css.Length < 4 * 1024 * 1024; i++) css.Append(".c").Append(i).Append(" { margin: 0 ").Append(i % 97).Append("px; color: #").Append((i * 7919 % 0xFFFFFF).ToString("x6")).Append("; }\n");
        var zip = TestArchive.Landing().File("css/generated.css", css.ToString()).File("blank.txt", new string(' ', 900 * 1024)).ToBytes();

        var body = await app.CreateApiClient().UploadOkAsync(offer.Id, zip);

        var files = body.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("bytes").GetInt64());
        Assert.Equal(Encoding.UTF8.GetByteCount(css.ToString()), files["css/generated.css"]);
        Assert.Equal(900 * 1024, files["blank.txt"]);
        var served = await app.CreateClient().GetByteArrayAsync($"/lo/{body.GetProperty("key").GetString()}/css/generated.css", Ct);
        Assert.Equal(files["css/generated.css"], served.Length);
    }

    [Fact]
    public async Task UploadMakesTheOfferLocalAndReportsFilesEntryPageAndSize()
    {
        await using var app = new TrackerApplication();
        var offer = await app.CreateOfferAsync();
        var notices = new List<ChangeNotice>();
        using var _ = app.Service<ChangeFeed>().Subscribe(n => { lock (notices) notices.Add(n); return Task.CompletedTask; });

        var body = await app.CreateApiClient().UploadOkAsync(offer.Id, TestArchive.Landing(folder: "my-landing/").ToBytes(), "my-landing.zip");

        var saved = await app.ReadOfferAsync(offer.Id);
        Assert.True(saved.IsLocal);
        Assert.Equal(saved.LocalKey, body.GetProperty("key").GetString());
        Assert.Equal(26, saved.LocalKey!.Length);
        Assert.Equal(offer.Version + 1, saved.Version);
        Assert.Equal(saved.Version, body.GetProperty("offerVersion").GetInt32());
        Assert.Equal("index.html", body.GetProperty("entryPage").GetString());
        Assert.Equal("my-landing.zip", body.GetProperty("fileName").GetString());
        Assert.Equal(["css/style.css", "img/pixel.png", "index.html"], body.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        Assert.Equal(body.GetProperty("files").EnumerateArray().Sum(f => f.GetProperty("bytes").GetInt64()), body.GetProperty("totalBytes").GetInt64());
        Assert.Equal($"http://localhost/lo/{saved.LocalKey}/", body.GetProperty("previewUrl").GetString());
        await WaitUntilAsync(() => { lock (notices) return notices.Contains(new ChangeNotice(ChangeNotice.Offer, offer.Id, saved.Version)); });

        var extracted = Directory.GetFiles(Path.Combine(app.DataDirectory, "offers", saved.LocalKey), "*", SearchOption.AllDirectories);
        Assert.NotEmpty(extracted);
        if (!OperatingSystem.IsWindows())
            foreach (var f in extracted)
                Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(f) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
    }

    [Fact]
    public async Task ReplacingKeepsTheKeySwapsTheContentAndRetiresTheOldVersion()
    {
        await using var app = new TrackerApplication();
        app.Service<LocalOfferStore>().RetiredVersionGrace = TimeSpan.FromMilliseconds(50);
        var offer = await app.CreateOfferAsync();
        var api = app.CreateApiClient();
        var first = await api.UploadOkAsync(offer.Id, TestArchive.Landing("First").ToBytes());
        var key = first.GetProperty("key").GetString()!;
        var keyFolder = Path.Combine(app.DataDirectory, "offers", key);

        var second = await api.UploadOkAsync(offer.Id, TestArchive.Landing("Second").ToBytes());

        Assert.Equal(key, second.GetProperty("key").GetString());
        Assert.Equal(first.GetProperty("offerVersion").GetInt32() + 1, second.GetProperty("offerVersion").GetInt32());
        var visitor = app.CreateClient();
        Assert.Contains("Second", await visitor.GetStringAsync($"/lo/{key}/", Ct), StringComparison.Ordinal);
        Assert.Contains("Second", await visitor.GetStringAsync($"/lo/{key}/css/style.css", Ct), StringComparison.Ordinal);
        await WaitUntilAsync(() => Directory.GetDirectories(keyFolder).Length == 1);
    }

    [Fact]
    public async Task VisitorsNeverSeeAHalfSwappedOfferWhileArchivesAreReplaced()
    {
        await using var app = new TrackerApplication();
        app.Service<LocalOfferStore>().RetiredVersionGrace = TimeSpan.FromSeconds(30);
        var offer = await app.CreateOfferAsync();
        var api = app.CreateApiClient();
        var key = (await api.UploadOkAsync(offer.Id, TestArchive.Landing("Round 0").ToBytes())).GetProperty("key").GetString()!;
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var client = app.CreateClient();
            var seen = new List<string>();
            while (!stop.IsCancellationRequested)
            {
                var page = await client.GetAsync($"/lo/{key}/", Ct);
                var css = await client.GetAsync($"/lo/{key}/css/style.css", Ct);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal(HttpStatusCode.OK, css.StatusCode);
                seen.Add(System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(Ct), "<h1>(Round \\d+)</h1>").Groups[1].Value);
            }
            return seen;
        })).ToList();

        for (var round = 1; round <= 8; round++)
            await api.UploadOkAsync(offer.Id, TestArchive.Landing($"Round {round}").ToBytes());
        await Task.Delay(100, Ct);
        await stop.CancelAsync();

        var seen = (await Task.WhenAll(readers)).SelectMany(s => s).ToList();
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Matches("^Round [0-8]$", s));
        Assert.Contains("Round 8", await app.CreateClient().GetStringAsync($"/lo/{key}/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingTheArchiveTurnsTheOfferBackIntoARedirectOffer()
    {
        await using var app = new TrackerApplication();
        var offer = await app.CreateOfferAsync();
        var api = app.CreateApiClient();
        var key = (await api.UploadOkAsync(offer.Id, TestArchive.Landing().ToBytes())).GetProperty("key").GetString()!;

        var response = await api.DeleteAsync($"/api/v1/offers/{offer.Id}/archive", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await app.ReadOfferAsync(offer.Id);
        Assert.False(saved.IsLocal);
        Assert.Null(saved.LocalKey);
        Assert.Equal(offer.Version + 2, saved.Version);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/lo/{key}/", Ct)).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "offers", key)));
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/offers/{offer.Id}/archive", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/offers/{offer.Id}/archive", Ct)).StatusCode);
    }

    [Fact]
    public async Task UploadOverAStaleVersionIsAConflictAndChangesNothing()
    {
        await using var app = new TrackerApplication();
        var offer = await app.CreateOfferAsync();
        var api = app.CreateApiClient();

        var response = await api.UploadAsync(offer.Id, TestArchive.Landing().ToBytes(), version: offer.Version + 5);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False((await app.ReadOfferAsync(offer.Id)).IsLocal);
        Assert.Equal(HttpStatusCode.OK, (await api.UploadAsync(offer.Id, TestArchive.Landing().ToBytes(), version: offer.Version)).StatusCode);
    }

    [Fact]
    public async Task MalformedRequestsGetProblemDetailsNamingTheField()
    {
        await using var app = new TrackerApplication();
        var offer = await app.CreateOfferAsync();
        var api = app.CreateApiClient();

        var noFile = new MultipartFormDataContent { { new StringContent("3"), "version" } };
        Assert.Contains("field named 'file'", (await (await api.PostAsync($"/api/v1/offers/{offer.Id}/archive", noFile, Ct)).ProblemsAsync())[0], StringComparison.Ordinal);
        var json = new StringContent("{}", Encoding.UTF8, "application/json");
        Assert.Contains("multipart/form-data", (await (await api.PostAsync($"/api/v1/offers/{offer.Id}/archive", json, Ct)).ProblemsAsync())[0], StringComparison.Ordinal);
        var badVersion = ArchiveForm(TestArchive.Landing().ToBytes());
        badVersion.Add(new StringContent("four"), "version");
        Assert.Single(await (await api.PostAsync($"/api/v1/offers/{offer.Id}/archive", badVersion, Ct)).ProblemsAsync("version"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.UploadAsync(offer.Id + 100, TestArchive.Landing().ToBytes())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync($"/api/v1/offers/{offer.Id}/archive", ArchiveForm(TestArchive.Landing().ToBytes()), Ct)).StatusCode);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50, Ct);
        Assert.True(condition());
    }
}

/// <summary>Each hostile archive an uploader could send, and the words its refusal must contain.</summary>
internal static class HostileArchive
{
    public static readonly Dictionary<string, (Func<string, byte[]> Build, string Expected)> Cases = new()
    {
        ["parent-folder"] = (_ => TestArchive.Landing().File("../evil.txt", "x").ToBytes(), "outside its folder"),
        ["nested-parent-folder"] = (_ => TestArchive.Landing().File("css/../../../evil.txt", "x").ToBytes(), "outside its folder"),
        ["sibling-prefix"] = (_ => TestArchive.Landing().File("../offers-evil/evil.txt", "x").ToBytes(), "outside its folder"),
        ["absolute-path"] = (target => TestArchive.Landing().File(target, "x").ToBytes(), "absolute path"),
        ["drive-letter"] = (_ => TestArchive.Landing().File("C:/evil.txt", "x").ToBytes(), "drive letter"),
        ["backslash"] = (_ => TestArchive.Landing().File("..\\..\\evil.txt", "x").ToBytes(), "backslash"),
        ["symlink"] = (_ => TestArchive.Landing().Symlink("evil-link", "/etc/passwd").ToBytes(), "symbolic link"),
        ["symlinked-folder"] = (_ => TestArchive.Landing().Symlink("assets", "../../..").File("assets/evil.txt", "x").ToBytes(), "symbolic link"),
        ["fifo"] = (_ => TestArchive.Landing().Unix("evil-pipe", "", 0x1000 | 0x1A4).ToBytes(), "device, pipe or socket"),
        ["control-character"] = (_ => TestArchive.Landing().File("evil\u0007.txt", "x").ToBytes(), "control character"),
        ["case-collision"] = (_ => TestArchive.Landing().File("CSS/Style.css", "x").ToBytes(), "letter case"),
        ["no-entry-page"] = (_ => new TestArchive().File("home.html", "<h1>x</h1>").File("a.css", "x").ToBytes(), "No entry page"),
        ["server-side-code"] = (_ => TestArchive.Landing().File("order.php", "<?php echo 1;").ToBytes(), "server-side code"),
        ["zip-bomb"] = (_ => TestArchive.Landing().File("bomb.bin", new byte[30 * 1024 * 1024], CompressionLevel.SmallestSize).ToBytes(), "zip bombs"),
        ["not-a-zip"] = (_ => Encoding.UTF8.GetBytes("<html>I am not a zip</html>"), "not a zip archive"),
        ["truncated"] = (_ => TestArchive.Landing().ToBytes()[..200], "not a zip archive"),
        ["wrong-checksum"] = (_ => SameSizeOtherBytes(), "The archive is damaged: 'notes.txt' does not match the size and checksum the archive records for it."),
    };

    /// <summary>A stored (uncompressed) entry whose bytes were changed after zipping: its size is right, its CRC-32 is not.</summary>
    private static byte[] SameSizeOtherBytes()
    {
        var zip = TestArchive.Landing().File("notes.txt", "original content", CompressionLevel.NoCompression).ToBytes();
        var at = zip.AsSpan().IndexOf("original content"u8);
        Assert.True(at > 0, "the stored entry's bytes are in the zip");
        "tampered content"u8.CopyTo(zip.AsSpan(at));
        return zip;
    }
}
