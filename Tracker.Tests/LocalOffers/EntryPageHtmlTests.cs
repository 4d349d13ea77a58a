using System.Text;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Core.Offers.LocalOffers;

namespace Tracker.Tests.LocalOffers;

public sealed class EntryPageHtmlTests
{
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
    public void KnownMacrosAreReplacedAndEscapedUnknownBracesStay()
    {
        var values = new Dictionary<string, string> { ["subid"] = "abc123", ["sub_id_1"] = "\"><script>alert(1)</script>" };
        var html = EntryPageHtml.ReplaceMacros(
            "<a href=\"https://n.example/?s={subid}&k={sub_id_1}&r={_sub_id_1}\">{subid}</a><style>p{color:red}</style><script>if(a){b}</script>{unknown}",
            name => values.GetValueOrDefault(name));
        Assert.Equal(
            "<a href=\"https://n.example/?s=abc123&k=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&r=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">abc123</a><style>p{color:red}</style><script>if(a){b}</script>{unknown}",
            html);
    }

    [Fact]
    public void PagesKeepTheirOwnEncodingByteForByte()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1251 = Encoding.GetEncoding(1251);
        var original = cp1251.GetBytes("<html><head><meta charset=\"windows-1251\"></head><body>Привет, {sub_id_2}!</body></html>");
        var rendered = EntryPageHtml.Encode(EntryPageHtml.InjectBase(
            EntryPageHtml.ReplaceMacros(EntryPageHtml.Decode(original), n => n == "sub_id_2" ? "Мир" : null), "/lo/k/"));
        // Cyrillic from the page survives in windows-1251; the inserted value arrives as character references.
        Assert.Equal("<html><head><base href=\"/lo/k/\"><meta charset=\"windows-1251\"></head><body>Привет, &#x41C;&#x438;&#x440;!</body></html>",
            cp1251.GetString(rendered));
    }

    [Fact]
    public void ClickMacrosComeFromTheClickAndAreEmptyWithoutOne()
    {
        var offer = new Offer { Id = 7, Name = "Casino & Co" };
        var click = new Click { SubId = "sub123", CampaignId = 3, Country = "DE", Parameters = { ["sub_id_1"] = "zone9", ["keyword"] = "slots" } };
        var withClick = LocalOfferMacros.For(offer, click, new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal("sub123", withClick("subid"));
        Assert.Equal("7", withClick("offer_id"));
        Assert.Equal("Casino & Co", withClick("offer_name"));
        Assert.Equal("zone9", withClick("sub_id_1"));
        Assert.Equal("", withClick("sub_id_30"));
        Assert.Null(withClick("sub_id_31"));
        Assert.Null(withClick("sub_id_01"));
        Assert.Equal("slots", withClick("keyword"));
        Assert.Equal("2026-11-05", withClick("date"));

        var preview = LocalOfferMacros.For(offer, null, DateTime.UtcNow);
        Assert.Equal("", preview("subid"));
        Assert.Equal("7", preview("offer_id"));
        Assert.Null(preview("color"));
    }
}
