using System.Text.RegularExpressions;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Clicks;

public sealed class RedirectRendererTests
{
    // A valid URL that still carries every character that matters in HTML and JavaScript.
    private const string Tricky = "https://o.example/lp?a=1&b='x'&c=</script>&d=%22";

    [Fact]
    public void HttpIsA302WithTheLocationAndNoBody()
    {
        var r = RedirectRenderer.Render(RedirectType.Http, "https://o.example/lp?a=1");

        Assert.Equal(302, r.StatusCode);
        Assert.Equal("https://o.example/lp?a=1", r.Location);
        Assert.Null(r.Html);
    }

    [Fact]
    public void MetaRefreshesToTheEscapedDestination()
    {
        var r = RedirectRenderer.Render(RedirectType.Meta, Tricky);

        Assert.Equal(200, r.StatusCode);
        Assert.Null(r.Location);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0; url=https://o.example/lp?a=1&amp;b=&#39;x&#39;&amp;c=&lt;/script&gt;&amp;d=%22\">", r.Html);
        Assert.DoesNotContain("</script>", r.Html);
        Assert.False(r.HideReferrer);
    }

    [Fact]
    public void DoubleMetaRefreshesToTheGatewayHopWhichRefreshesToTheDestination()
    {
        var first = RedirectRenderer.Render(RedirectType.DoubleMeta, Tricky, "/_go/token123");
        var hop = RedirectRenderer.GatewayHop(Tricky);

        Assert.Contains("content=\"0; url=/_go/token123\"", first.Html);
        Assert.DoesNotContain("o.example", first.Html);
        Assert.Contains("content=\"0; url=https://o.example/lp?a=1&amp;b=", hop.Html);
        Assert.Throws<ArgumentException>(() => RedirectRenderer.Render(RedirectType.DoubleMeta, Tricky));
    }

    [Fact]
    public void JsSetsTheLocationFromAnEscapedStringWithAMetaFallback()
    {
        var r = RedirectRenderer.Render(RedirectType.Js, Tricky);

        var script = Regex.Match(r.Html!, "<script>(.*?)</script>").Groups[1].Value;
        Assert.Equal("window.location.replace(\"https://o.example/lp?a=1\\u0026b=\\u0027x\\u0027\\u0026c=\\u003C/script\\u003E\\u0026d=%22\");", script);
        Assert.Single(Regex.Matches(r.Html!, "</script>"));
        Assert.Contains("<noscript><meta http-equiv=\"refresh\"", r.Html);
    }

    [Fact]
    public void BlankReferrerSuppressesTheReferrerInHeaderAndPage()
    {
        var r = RedirectRenderer.Render(RedirectType.BlankReferrer, Tricky);

        Assert.True(r.HideReferrer);
        Assert.Contains("<meta name=\"referrer\" content=\"no-referrer\">", r.Html);
        Assert.Contains("http-equiv=\"refresh\"", r.Html);
        Assert.Contains("rel=\"noreferrer\"", r.Html);
    }

    [Fact]
    public void FormSubmitSendsTheQueryAsHiddenFieldsOfAGetForm()
    {
        var r = RedirectRenderer.Render(RedirectType.FormSubmit, "https://o.example/lp?sub1=abc&kw=a%20b%26c&q=x+y&flag#top");

        Assert.Contains("<form id=\"go\" method=\"get\" action=\"https://o.example/lp#top\">", r.Html);
        Assert.Contains("<input type=\"hidden\" name=\"sub1\" value=\"abc\">", r.Html);
        Assert.Contains("<input type=\"hidden\" name=\"kw\" value=\"a b&amp;c\">", r.Html);
        Assert.Contains("<input type=\"hidden\" name=\"q\" value=\"x y\">", r.Html);
        Assert.Contains("<input type=\"hidden\" name=\"flag\" value=\"\">", r.Html);
        Assert.Contains("document.getElementById(\"go\").submit()", r.Html);
    }

    [Fact]
    public void FormSubmitEscapesDecodedValuesThatLookLikeMarkup()
    {
        var r = RedirectRenderer.Render(RedirectType.FormSubmit, "https://o.example/lp?x=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", r.Html);
        Assert.Single(Regex.Matches(r.Html!, "<script>"));
    }

    [Fact]
    public void IframeShowsTheOfferFullPage()
    {
        var r = RedirectRenderer.Render(RedirectType.Iframe, Tricky);

        Assert.Contains("<iframe src=\"https://o.example/lp?a=1&amp;b=&#39;x&#39;&amp;c=&lt;/script&gt;&amp;d=%22\"", r.Html);
        Assert.Contains("height:100%", r.Html);
    }

    [Theory]
    [InlineData(RedirectType.Meta)]
    [InlineData(RedirectType.Js)]
    [InlineData(RedirectType.BlankReferrer)]
    [InlineData(RedirectType.FormSubmit)]
    [InlineData(RedirectType.Iframe)]
    public void EveryHtmlRedirectIsACompleteNonIndexablePage(RedirectType type)
    {
        var r = RedirectRenderer.Render(type, "https://o.example/lp");

        Assert.Equal(200, r.StatusCode);
        Assert.StartsWith("<!DOCTYPE html><html><head><meta charset=\"utf-8\">", r.Html);
        Assert.Contains("noindex", r.Html);
        Assert.EndsWith("</body></html>", r.Html);
    }
}
