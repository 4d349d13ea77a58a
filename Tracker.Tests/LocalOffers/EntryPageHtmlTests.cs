using System.Text;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Core.Offers.LocalOffers;

namespace Tracker.Tests.LocalOffers;

public sealed class EntryPageHtmlTests
{
    private static MacroValues With(string subId = "", params (string Name, string Value)[] parameters) => new()
    {
        SubId = subId,
        Parameters = parameters.ToDictionary(p => p.Name, p => p.Value),
    };

    [Fact]
    public void BaseHrefGoesFirstInsideHead()
    {
        var html = EntryPageHtml.InjectBase("<!doctype html><html lang=en><HEAD data-x=1><base href=\"https://evil.example/\"><title>t</title></head><header>h</header></html>", "/lo/abc/");
        Assert.StartsWith("<!doctype html><html lang=en><HEAD data-x=1><base href=\"/lo/abc/\"><base href=\"https://evil.example/\">", html);
    }

    [Fact]
    public void BaseHrefWithoutHeadGoesAfterHtmlOrFirst()
    {
        Assert.Equal("<html><base href=\"/lo/k/\"><p>x</p></html>", EntryPageHtml.InjectBase("<html><p>x</p></html>", "/lo/k/"));
        Assert.Equal("<base href=\"/lo/k/\"><header>x</header>", EntryPageHtml.InjectBase("<header>x</header>", "/lo/k/"));
    }

    [Fact]
    public void ValuesInLinksAreUrlEncodedElsewhereEscapedAndUnknownBracesStay()
    {
        var values = With("abc123", ("sub_id_1", "\"><script>alert(1)</script>"));
        var html = EntryPageHtml.ReplaceMacros(
            "<a href=\"https://n.example/?s={subid}&k={sub_id_1}&r={_sub_id_1}\">{subid} {sub_id_1}</a><style>p{color:red}</style><script>if(a){b}</script>{unknown}",
            values);
        Assert.Equal(
            "<a href=\"https://n.example/?s=abc123&k=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&r=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">" +
            "abc123 &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a><style>p{color:red}</style><script>if(a){b}</script>{unknown}",
            html);
    }

    [Fact]
    public void AKeywordWithAnAmpersandStaysOneParameterOfTheLink()
    {
        var values = With(parameters: ("keyword", "a&sub2=x"));

        var html = EntryPageHtml.ReplaceMacros("<form action='https://n.example/go?kw={keyword}'><a href=https://n.example/?kw={keyword}&o=1>{keyword}</a></form>", values);

        Assert.Equal("<form action='https://n.example/go?kw=a%26sub2%3Dx'><a href=https://n.example/?kw=a%26sub2%3Dx&o=1>a&amp;sub2=x</a></form>", html);
    }

    [Fact]
    public void OtherAttributesAndTextAreEscapedNotUrlEncoded()
    {
        var values = With(parameters: ("keyword", "casino bonus & 'Мир'"));

        var html = EntryPageHtml.ReplaceMacros("<p title=\"{keyword}\" data-k='{keyword}'>{keyword}</p><input value={keyword} name=q><!-- {keyword} -->", values);

        Assert.Equal(
            "<p title=\"casino bonus &amp; &#39;&#x41C;&#x438;&#x440;&#39;\" data-k='casino bonus &amp; &#39;&#x41C;&#x438;&#x440;&#39;'>casino bonus &amp; &#39;&#x41C;&#x438;&#x440;&#39;</p>" +
            "<input value=casino&#x20;bonus&#x20;&amp;&#x20;&#39;&#x41C;&#x438;&#x440;&#39; name=q><!-- casino bonus &amp; &#39;&#x41C;&#x438;&#x440;&#39; -->",
            html);
    }

    [Fact]
    public void AScriptCannotBeClosedByAValueAndItsEndTagEndsIt()
    {
        var values = With("s1", ("keyword", "</script><script>alert(1)//"));

        var html = EntryPageHtml.ReplaceMacros("<SCRIPT>var k = \"{keyword}\"; var u = '<a href=\"x\">';</Script ><a href=\"/?s={subid}\">", values);

        Assert.Equal("<SCRIPT>var k = \"&lt;/script&gt;&lt;script&gt;alert(1)//\"; var u = '<a href=\"x\">';</Script ><a href=\"/?s=s1\">", html);
    }

    [Fact]
    public void MacroNamesIgnoreCaseAndRandomIsOneNumberPerPage()
    {
        var values = new MacroValues { SubId = "abc" };

        var html = EntryPageHtml.ReplaceMacros("{SubID}|{random}|{RANDOM}", values);

        var parts = html.Split('|');
        Assert.Equal("abc", parts[0]);
        Assert.Equal(values.Random.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[1]);
        Assert.Equal(parts[1], parts[2]);
    }

    [Fact]
    public void PagesKeepTheirOwnEncodingByteForByte()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1251 = Encoding.GetEncoding(1251);
        var original = cp1251.GetBytes("<html><head><meta charset=\"windows-1251\"></head><body>Привет, {sub_id_2}!</body></html>");
        var rendered = EntryPageHtml.Encode(EntryPageHtml.InjectBase(
            EntryPageHtml.ReplaceMacros(EntryPageHtml.Decode(original), With(parameters: ("sub_id_2", "Мир"))), "/lo/k/"));
        // Cyrillic from the page survives in windows-1251; the inserted value arrives as character references.
        Assert.Equal("<html><head><base href=\"/lo/k/\"><meta charset=\"windows-1251\"></head><body>Привет, &#x41C;&#x438;&#x440;!</body></html>",
            cp1251.GetString(rendered));
    }

    [Fact]
    public void ClickMacrosComeFromTheClickAndAreEmptyWithoutOne()
    {
        var offer = new Offer { Id = 7, Name = "Casino & Co", AffiliateNetworkId = 5 };
        var click = new Click
        {
            SubId = "sub123", CampaignId = 3, CreatedAt = new DateTime(2026, 11, 5, 8, 0, 0, DateTimeKind.Utc), Country = "DE",
            Parameters = { ["sub_id_1"] = "zone9", ["keyword"] = "slots", ["cost"] = "0.25", ["currency"] = "EUR" },
        };
        const string page = "{subid}|{campaign_id}|{campaign_name}|{offer_id}|{offer_name}|{affiliate_network_id}|{sub_id_1}|{sub_id_30}|{sub_id_31}|{keyword}|{cost}|{currency}|{date}";

        Assert.Equal("sub123|3|Summer|7|Casino &amp; Co|5|zone9||{sub_id_31}|slots|0.25|EUR|2026-11-05",
            EntryPageHtml.ReplaceMacros(page, MacroValues.ForClick(click, "Summer", offer)));
        Assert.Equal("|||7|Casino &amp; Co|5|||{sub_id_31}||||2026-11-06",
            EntryPageHtml.ReplaceMacros(page, MacroValues.ForOffer(offer, new DateTime(2026, 11, 6, 1, 0, 0, DateTimeKind.Utc))));
    }
}
