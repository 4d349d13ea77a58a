using System.Text;
using Tracker.Core.Clicks;

namespace Tracker.Tests.Core.Clicks;

public sealed class MacrosTests
{
    private static MacroValues With(params (string Name, string Value)[] parameters) => new()
    {
        SubId = "abc234",
        CampaignId = 7,
        CampaignName = "Summer sale",
        StreamId = 3,
        OfferId = 12,
        OfferName = "Casino DE",
        AffiliateNetworkId = 5,
        Country = "DE",
        Ip = "5.9.1.1",
        UserAgent = "Mozilla/5.0 (X11; Linux)",
        Referrer = "https://news.example/a?b=c",
        Language = "de-DE,de;q=0.9",
        ClickedAtUtc = new DateTime(2026, 11, 5, 23, 59, 0, DateTimeKind.Utc),
        Random = 31337,
        Parameters = parameters.ToDictionary(p => p.Name, p => p.Value),
    };

    private static string Url(string template, MacroValues values) => Macros.Expand(template, values, MacroEncoders.Url);

    [Fact]
    public void EveryDocumentedMacroIsFilled()
    {
        var values = With(("source", "fb"), ("keyword", "kw"), ("external_id", "e1"), ("creative_id", "c1"),
            ("ad_campaign_id", "ad1"), ("cost", "0.25"), ("currency", "EUR"), ("sub_id_1", "one"), ("sub_id_30", "thirty"));

        var result = Url("{subid}|{campaign_id}|{campaign_name}|{stream_id}|{offer_id}|{offer_name}|{affiliate_network_id}|" +
                         "{country}|{ip}|{user_agent}|{referrer}|{language}|{source}|{keyword}|{external_id}|{creative_id}|" +
                         "{ad_campaign_id}|{cost}|{currency}|{sub_id_1}|{sub_id_30}|{random}|{date}", values);

        Assert.Equal("abc234|7|Summer%20sale|3|12|Casino%20DE|5|DE|5.9.1.1|Mozilla%2F5.0%20%28X11%3B%20Linux%29|" +
                     "https%3A%2F%2Fnews.example%2Fa%3Fb%3Dc|de-DE%2Cde%3Bq%3D0.9|fb|kw|e1|c1|ad1|0.25|EUR|one|thirty|31337|2026-11-05", result);
        Assert.Equal(Macros.KnownNames.Count, Macros.KnownNames.Distinct().Count());
        Assert.Equal(21 + 30, Macros.KnownNames.Count);
        Assert.All(Macros.KnownNames, name => Assert.True(Macros.IsKnown(name)));
    }

    [Theory]
    [InlineData("a&b=c", "a%26b%3Dc")]
    [InlineData("x#frag", "x%23frag")]
    [InlineData("line\r\nSet-Cookie: a=b", "line%0D%0ASet-Cookie%3A%20a%3Db")]
    [InlineData("%0d%0a", "%250d%250a")]
    [InlineData("javascript:alert(1)", "javascript%3Aalert%281%29")]
    [InlineData("\"><script>", "%22%3E%3Cscript%3E")]
    [InlineData("../../etc", "..%2F..%2Fetc")]
    [InlineData("Привет", "%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("a+b c", "a%2Bb%20c")]
    public void HostileValuesArePercentEncoded(string value, string expected)
    {
        Assert.Equal($"https://o.example/?s={expected}", Url("https://o.example/?s={sub_id_1}", With(("sub_id_1", value))));
    }

    [Fact]
    public void LoneSurrogateBecomesTheReplacementCharacter()
    {
        Assert.Equal("%EF%BF%BD", Url("{keyword}", With(("keyword", "\uD800"))));
    }

    [Fact]
    public void UnderscoreNameInsertsTheRawValue()
    {
        Assert.Equal("a&b=c", Url("{_sub_id_2}", With(("sub_id_2", "a&b=c"))));
    }

    [Fact]
    public void UnknownMacrosAndMissingValuesBecomeEmpty()
    {
        Assert.Equal("k=&u=&x=", Url("k={keyword}&u={unknown_thing}&x={_nothing}", With()));
    }

    [Fact]
    public void MacroNamesIgnoreCase()
    {
        Assert.Equal("abc234-DE", Url("{SubId}-{COUNTRY}", With()));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{not a macro}")]
    [InlineData("{1abc}")]
    [InlineData("{subid")]
    [InlineData("json {\"a\":1}")]
    [InlineData("{{subid}")]
    public void BracesThatAreNotMacrosStayAsTheyAre(string template)
    {
        var expected = template.Replace("{subid}", "abc234");
        Assert.Equal(expected, Url(template, With()));
    }

    [Fact]
    public void RandomIsTheSameEverywhereInOneClick()
    {
        var values = new MacroValues();
        var parts = Url("{random}-{random}", values).Split('-');
        Assert.Equal(parts[0], parts[1]);
        Assert.NotEqual("", parts[0]);
    }

    [Fact]
    public void HtmlPageEncoderEscapesRawValuesSoTheyCannotBecomeMarkup()
    {
        var values = With(("keyword", "<img src=x onerror=alert(1)>&\"'"));

        Assert.Equal("<p>&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;</p>", Macros.Expand("<p>{_keyword}</p>", values, MacroEncoders.HtmlPage()));
        Assert.Equal("<a href=\"/x?k=%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%26%22%27\">",
            Macros.Expand("<a href=\"/x?k={keyword}\">", values, MacroEncoders.HtmlPage()));
    }

    [Fact]
    public void UnknownMacrosAreListedOnceForTheEditor()
    {
        var unknown = Macros.FindUnknown("https://x/?a={subid}&b={clickid}&c={CLICKID}&d={sub_id_31}&e={_source}&f={}&g={click-id}&h={SubID}&i={a b}");

        Assert.Equal(["{clickid}", "{sub_id_31}", "{click-id}"], unknown);
    }

    [Fact]
    public void TemplateWithoutMacrosIsReturnedAsIs()
    {
        const string template = "https://o.example/landing";
        Assert.Same(template, Url(template, With()));
    }

    [Fact]
    public void ExpandingAClickUrlAllocatesNothingBeyondItsBuilder()
    {
        var values = With(("keyword", "casino bonus"), ("sub_id_1", "zone 9"), ("cost", "0.05"));
        const string template = "https://o.example/c?s={subid}&k={keyword}&z={SUB_ID_1}&c={campaign_id}&d={date}&r={random}&x={cost}&u={unknown}&raw={_keyword}";
        var target = new StringBuilder(4096);
        for (var i = 0; i < 3; i++)
        {
            target.Clear();
            Macros.ExpandInto(target, template, values, MacroEncoders.Url);
        }
        target.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        Macros.ExpandInto(target, template, values, MacroEncoders.Url);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.StartsWith("https://o.example/c?s=abc234&k=casino%20bonus&z=zone%209&c=7&d=2026-11-05&r=31337&x=0.05&u=&raw=casino bonus", target.ToString());
    }
}
