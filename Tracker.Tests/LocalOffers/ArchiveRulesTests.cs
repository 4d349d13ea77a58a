using Tracker.Core.Offers.LocalOffers;

namespace Tracker.Tests.LocalOffers;

public sealed class ArchiveRulesTests
{
    private const int Regular = (0x8000 | 0x1A4) << 16;
    private static readonly LocalOfferLimits Limits = new();

    [Theory]
    [InlineData("../evil.html")]
    [InlineData("site/../../evil.html")]
    [InlineData("site/..")]
    [InlineData("./index.html")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.html")]
    [InlineData("c:evil.html")]
    [InlineData("..\\evil.html")]
    [InlineData("site\\index.html")]
    [InlineData("site//index.html")]
    [InlineData("bad\u0001name.html")]
    [InlineData("new\nline.html")]
    [InlineData("rtl\u202Egnp.html")]
    [InlineData("file.html:stream")]
    [InlineData("")]
    public void HostileEntryNamesAreRefused(string name) =>
        Assert.NotNull(ArchiveEntryName.Problem(name));

    [Theory]
    [InlineData("index.html")]
    [InlineData("css/style.css")]
    [InlineData("assets/")]
    [InlineData("Ünïcode/файл.png")]
    [InlineData("a..b/c...d.js")]
    [InlineData("offers-abc-evil/x.txt")]
    public void PlainRelativeNamesAreAccepted(string name) =>
        Assert.Null(ArchiveEntryName.Problem(name));

    [Fact]
    public void SymbolicLinksAreRefusedByTheirUnixMode()
    {
        var plan = Plan(("index.html", Regular), ("link", (0xA000 | 0x1FF) << 16));
        Assert.Contains(plan.Problems, p => p.Contains("symbolic link", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0x2000)] // character device
    [InlineData(0x6000)] // block device
    [InlineData(0x1000)] // fifo
    [InlineData(0xC000)] // socket
    public void DevicesPipesAndSocketsAreRefused(int type)
    {
        var plan = Plan(("index.html", Regular), ("dev", (type | 0x1A4) << 16));
        Assert.Contains(plan.Problems, p => p.Contains("device, pipe or socket", StringComparison.Ordinal));
    }

    [Fact]
    public void NamesDifferingOnlyInCaseAreRefused()
    {
        var plan = Plan(("index.html", Regular), ("css/Style.css", Regular), ("CSS/style.CSS", Regular));
        Assert.Contains(plan.Problems, p => p.Contains("letter case", StringComparison.Ordinal));
    }

    [Fact]
    public void ExactDuplicatesAreRefused()
    {
        var plan = Plan(("index.html", Regular), ("index.html", Regular));
        Assert.Contains(plan.Problems, p => p.Contains("appears twice", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileCannotAlsoBeAFolder()
    {
        var plan = Plan(("index.html", Regular), ("img", Regular), ("img/a.png", Regular));
        Assert.Contains(plan.Problems, p => p.Contains("both a file and a folder", StringComparison.Ordinal));
    }

    [Fact]
    public void AnArchiveWithoutIndexHtmlIsRefused()
    {
        var plan = Plan(("home.html", Regular), ("css/a.css", Regular));
        Assert.False(plan.IsAccepted);
        Assert.Contains("No entry page", plan.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void IndexHtmlTwoFoldersDeepIsNotAnEntryPage()
    {
        var plan = Plan(("a/b/index.html", Regular));
        Assert.Contains("No entry page", plan.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ASingleTopFolderIsStrippedSoTheEntryPageIsAtTheRoot()
    {
        var plan = Plan(("landing/", 0x10), ("landing/index.html", Regular), ("landing/css/a.css", Regular), ("__MACOSX/landing/._index.html", Regular));
        Assert.True(plan.IsAccepted, string.Join(" ", plan.Problems));
        Assert.Equal("index.html", plan.EntryPage);
        Assert.Equal("landing/", plan.StrippedPrefix);
        Assert.Equal(["index.html", "css/a.css"], plan.Files.Select(f => f.Path));
        Assert.Equal(["css"], plan.Directories);
    }

    [Fact]
    public void TwoTopFoldersWithoutRootIndexHaveNoEntryPage()
    {
        var plan = Plan(("one/index.html", Regular), ("two/index.html", Regular));
        Assert.False(plan.IsAccepted);
    }

    [Theory]
    [InlineData("order.php")]
    [InlineData("api/send.PHP")]
    [InlineData("default.aspx")]
    [InlineData("Views/Page.cshtml")]
    [InlineData(".htaccess")]
    [InlineData("cgi-bin/run.cgi")]
    public void ServerSideCodeIsRefusedWithTheReason(string name)
    {
        var plan = Plan(("index.html", Regular), (name, Regular));
        Assert.Contains(plan.Problems, p => p.Contains("server-side code", StringComparison.Ordinal) && p.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void NestedArchivesAreJustFiles()
    {
        var plan = Plan(("index.html", Regular), ("downloads/app.zip", Regular));
        Assert.True(plan.IsAccepted);
        Assert.Contains(plan.Files, f => f.Path == "downloads/app.zip");
    }

    [Fact]
    public void MoreEntriesThanAllowedAreRefusedBeforeLookingAtThem()
    {
        var entries = Enumerable.Range(0, 11).Select(i => new ArchiveEntryInfo(i, $"f{i}.txt", Regular, 1)).ToList();
        var plan = ArchivePlan.Create(entries, new LocalOfferLimits(MaxFiles: 10));
        Assert.Equal(["The archive has 11 entries; at most 10 are allowed."], plan.Problems);
    }

    [Fact]
    public void EveryProblemIsReportedNotJustTheFirst()
    {
        var plan = Plan(("index.html", Regular), ("../a", Regular), ("b.php", Regular), ("l", (0xA000 | 0x1FF) << 16));
        Assert.Equal(3, plan.Problems.Count);
    }

    [Fact]
    public void TheBudgetCountsWrittenBytesAgainstTheTotalLimit()
    {
        var budget = new ExtractionBudget(new LocalOfferLimits(MaxExtractedBytes: 100, CompressionRatioThresholdBytes: 10));
        Assert.Null(budget.Add("a", 60, 60, 60));
        Assert.NotNull(budget.Add("b", 41, 41, 41));
    }

    [Fact]
    public void TheBudgetStopsLargeEntriesThatExpandTooMuchButNotSmallOnes()
    {
        var limits = new LocalOfferLimits(MaxCompressionRatio: 100, CompressionRatioThresholdBytes: 1000);
        // 900 bytes from 1 byte: extreme, but small: fine.
        Assert.Null(new ExtractionBudget(limits).Add("small", 900, 900, 1));
        // 5000 bytes from 100: 50×, fine.
        Assert.Null(new ExtractionBudget(limits).Add("ok", 5000, 5000, 100));
        // 20000 bytes from 100: 200×, a bomb.
        Assert.Contains("expands more than 100 times", new ExtractionBudget(limits).Add("bomb", 20000, 20000, 100));
    }

    [Fact]
    public void TheZipEndRecordGivesTheDeclaredEntryCount()
    {
        var zip = new TestArchive().File("index.html", "x").File("a.css", "y").ToBytes();
        Assert.Equal(2, ZipDirectoryProbe.DeclaredEntryCount(zip));
        Assert.Null(ZipDirectoryProbe.DeclaredEntryCount("not a zip at all, just some text"u8));
    }

    [Fact]
    public void Crc32MatchesTheZipStandard()
    {
        Assert.Equal(0xCBF43926u, ZipCrc32.Finish(ZipCrc32.Update(ZipCrc32.Initial, "123456789"u8)));
        Assert.Equal(ZipCrc32.Finish(ZipCrc32.Update(ZipCrc32.Initial, "hello world"u8)),
            ZipCrc32.Finish(ZipCrc32.Update(ZipCrc32.Update(ZipCrc32.Initial, "hello "u8), "world"u8)));
    }

    private static ArchivePlan Plan(params (string Name, int Attributes)[] entries) =>
        ArchivePlan.Create(entries.Select((e, i) => new ArchiveEntryInfo(i, e.Name, e.Attributes, 10)).ToList(), Limits);
}
