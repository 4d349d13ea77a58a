using System.Net;
using Tracker.Core.Bots;
using Tracker.Core.Clicks;

namespace Tracker.Tests.Core.Bots;

public sealed class BotClassifierTests
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

    private static BotClassifier Build(string[]? userAgents = null, string[]? ranges = null)
    {
        var lists = new BotLists();
        Assert.Empty(lists.AddUserAgents("test-agents.txt", userAgents ?? []));
        Assert.Empty(lists.AddRanges("test-ranges.txt", ranges ?? []));
        return new BotClassifier(lists);
    }

    private static IPAddress Ip(string text) => IPAddress.Parse(text);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void AnEmptyUserAgentIsABotWhateverTheAddress(string? userAgent)
    {
        var verdict = Build().Classify(userAgent, Ip("85.214.132.117"));
        Assert.Equal(BotReason.EmptyUserAgent, verdict.Reason);
        Assert.True(verdict.IsBot);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "googlebot")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "facebookexternalhit")]
    [InlineData("CURL/8.5.0", "curl/")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36", "headlesschrome")]
    public void AListedUserAgentIsABotMatchedAnywhereIgnoringCase(string userAgent, string entry)
    {
        var classifier = Build(["googlebot", "facebookexternalhit", "curl/", "headlesschrome"]);

        var verdict = classifier.Classify(userAgent, null);

        Assert.Equal(BotReason.BotUserAgent, verdict.Reason);
        Assert.Contains($"\"{entry}\" (list test-agents.txt)", classifier.Describe(verdict));
    }

    [Theory]
    [InlineData(Chrome)]
    [InlineData("Mozilla/5.0 (Linux; Android 12; CUBOT P50) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0]")]
    public void BrowsersAndInAppBrowsersAreNotBotsWithTheBundledList(string userAgent)
    {
        var lists = new BotLists();
        Assert.Empty(lists.AddUserAgents("bundled", File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "BotData", "bot-user-agents.txt"))));
        var classifier = new BotClassifier(lists);

        Assert.Equal(BotReason.None, classifier.Classify(userAgent, Ip("85.214.132.117")).Reason);
    }

    [Fact]
    public void TheBundledListsLoadAndKnowTheBigCrawlersAndClouds()
    {
        var lists = new BotLists();
        Assert.Empty(lists.AddUserAgents("agents", File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "BotData", "bot-user-agents.txt"))));
        Assert.Empty(lists.AddRanges("ranges", File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "BotData", "datacenter-ranges.txt"))));
        var classifier = new BotClassifier(lists);

        Assert.InRange(classifier.UserAgentCount, 100, 1000);
        Assert.InRange(classifier.V4RangeCount, 100, 5000);
        Assert.InRange(classifier.V6RangeCount, 5, 500);
        Assert.Equal(BotReason.BotUserAgent, classifier.Classify("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", null).Reason);
        Assert.Equal(BotReason.BotUserAgent, classifier.Classify("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)", null).Reason);
        Assert.Equal(BotReason.BotUserAgent, classifier.Classify("python-requests/2.32.3", null).Reason);
        Assert.Equal(BotReason.DatacenterIp, classifier.Classify(Chrome, Ip("66.249.66.1")).Reason); // Googlebot's own addresses
        Assert.Equal(BotReason.DatacenterIp, classifier.Classify(Chrome, Ip("2a01:4f8:c17:1::1")).Reason); // Hetzner
        Assert.Equal(BotReason.None, classifier.Classify(Chrome, Ip("85.214.132.117")).Reason);
        Assert.Equal(BotReason.None, classifier.Classify(Chrome, Ip("127.0.0.1")).Reason);
    }

    [Fact]
    public void IPv4RangesMatchFromTheirFirstToTheirLastAddressAndNoFurther()
    {
        var classifier = Build(ranges: ["203.0.113.0/24", "198.51.100.7", "0.0.0.0/32", "255.255.255.254/31"]);

        foreach (var inside in new[] { "203.0.113.0", "203.0.113.128", "203.0.113.255", "198.51.100.7", "0.0.0.0", "255.255.255.254", "255.255.255.255" })
            Assert.True(classifier.Classify(Chrome, Ip(inside)).Reason == BotReason.DatacenterIp, inside);
        foreach (var outside in new[] { "203.0.112.255", "203.0.114.0", "198.51.100.6", "198.51.100.8", "0.0.0.1", "255.255.255.253" })
            Assert.True(classifier.Classify(Chrome, Ip(outside)).Reason == BotReason.None, outside);
    }

    [Fact]
    public void IPv6RangesMatchFromTheirFirstToTheirLastAddressAndNoFurther()
    {
        var classifier = Build(ranges: ["2001:db8::/32", "2600:1f00::/24", "::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120"]);

        foreach (var inside in new[] { "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2600:1f00::1", "2600:1fff:1:2:3:4:5:6", "::1",
                     "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" })
            Assert.True(classifier.Classify(Chrome, Ip(inside)).Reason == BotReason.DatacenterIp, inside);
        foreach (var outside in new[] { "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db9::", "2600:2000::", "2600:1eff:ffff::", "::2", "::",
                     "ffff:ffff:ffff:ffff:ffff:ffff:ffff:feff" })
            Assert.True(classifier.Classify(Chrome, Ip(outside)).Reason == BotReason.None, outside);
    }

    [Fact]
    public void IPv4AndIPv6AreSeparateExceptForMappedAddresses()
    {
        var classifier = Build(ranges: ["203.0.113.0/24"]);

        Assert.Equal(BotReason.DatacenterIp, classifier.Classify(Chrome, Ip("::ffff:203.0.113.9")).Reason);
        // The same 32 bits in the low end of an IPv6 address are another address.
        Assert.Equal(BotReason.None, classifier.Classify(Chrome, Ip("::cb00:7109")).Reason);
    }

    [Fact]
    public void NestedAndRepeatedRangesAreFoundAndTheOuterOneNamed()
    {
        var classifier = Build(ranges: ["10.1.2.0/24", "10.0.0.0/8", "10.1.0.0/16", "10.0.0.0/8", "11.0.0.0/8"]);

        Assert.Equal(2, classifier.V4RangeCount);
        var verdict = classifier.Classify(Chrome, Ip("10.1.2.3"));
        Assert.Equal(BotReason.DatacenterIp, verdict.Reason);
        Assert.Contains("10.0.0.0/8", classifier.Describe(verdict, "10.1.2.3"));
        Assert.Equal(BotReason.DatacenterIp, classifier.Classify(Chrome, Ip("11.255.255.255")).Reason);
        Assert.Equal(BotReason.None, classifier.Classify(Chrome, Ip("12.0.0.0")).Reason);
    }

    [Fact]
    public void TheUserAgentIsCheckedBeforeTheAddress()
    {
        var classifier = Build(["curl/"], ["203.0.113.0/24"]);

        Assert.Equal(BotReason.EmptyUserAgent, classifier.Classify("", Ip("203.0.113.1")).Reason);
        Assert.Equal(BotReason.BotUserAgent, classifier.Classify("curl/8.0", Ip("203.0.113.1")).Reason);
        Assert.Equal(BotReason.DatacenterIp, classifier.Classify(Chrome, Ip("203.0.113.1")).Reason);
        Assert.Equal(BotReason.None, classifier.Classify(Chrome, null).Reason);
    }

    [Fact]
    public void ClassifyingAClickAllocatesNothing()
    {
        var classifier = Build(["googlebot", "curl/", "headlesschrome"], ["203.0.113.0/24", "2001:db8::/32"]);
        var v4 = Ip("198.51.100.1");
        var v6 = Ip("2001:db8::5");
        for (var i = 0; i < 100; i++) { classifier.Classify(Chrome, v4); classifier.Classify(Chrome, v6); }

        // A user agent seen before (as a new string each time, as requests bring it) costs nothing.
        var agents = Enumerable.Range(0, 8).Select(_ => new string(Chrome.AsSpan())).ToArray();
        // (Assertions allocate, so the answers are tallied and checked after the measurement.)
        var (people, datacenter, crawlers) = (0, 0, 0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            if (classifier.Classify(agents[i & 7], v4).Reason == BotReason.None) people++;
            if (classifier.Classify(agents[i & 7], v6).Reason == BotReason.DatacenterIp) datacenter++;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((0L, 1000, 1000), (allocated, people, datacenter));

        // Nor does a bot's (measured on its own: two user agents could share a cache slot).
        classifier.Classify("curl/8.0", v4);
        before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            if (classifier.Classify("curl/8.0", v4).Reason == BotReason.BotUserAgent) crawlers++;
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((0L, 1000), (allocated, crawlers));
    }

    [Fact]
    public void ThousandsOfDifferentUserAgentsGetTheirOwnAnswersThroughTheCache()
    {
        var classifier = Build(["crawler-x"]);

        for (var round = 0; round < 2; round++)
            for (var i = 0; i < 20_000; i++)
            {
                var bot = i % 3 == 0;
                var userAgent = bot ? $"Crawler-X/{i}" : $"Mozilla/5.0 (visitor {i})";
                Assert.Equal(bot ? BotReason.BotUserAgent : BotReason.None, classifier.Classify(userAgent, null).Reason);
            }
    }

    [Fact]
    public void ABadLineRefusesTheWholeListAndNamesEveryBadLine()
    {
        var lists = new BotLists();

        var errors = lists.AddRanges("mine.txt", ["# my ranges", "203.0.113.0/24", "203.0.113.5/24  # typo", "300.1.2.3", "2001:db8::/129", "10.0.0.0/x"]);

        Assert.Equal(4, errors.Count);
        Assert.StartsWith("line 3: '203.0.113.5/24' has bits set after its /24 prefix; the network is 203.0.113.0/24", errors[0]);
        Assert.StartsWith("line 4:", errors[1]);
        Assert.Contains("from 0 to 128", errors[2]);
        Assert.StartsWith("line 6:", errors[3]);
        Assert.Empty(lists.Ranges);

        var agentErrors = lists.AddUserAgents("agents.txt", ["googlebot", "bo", ""]);
        Assert.Equal(["line 2: 'bo' is too short; an entry needs at least 3 characters, or it would match ordinary browsers."], agentErrors);
        Assert.Empty(lists.UserAgents);
    }
}
