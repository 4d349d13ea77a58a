using Tracker.Core.Conversions;

namespace Tracker.Tests.Core.Conversions;

public sealed class PostbackParserTests
{
    private static PostbackParseResult Parse(params (string Name, string? Value)[] fields) =>
        PostbackParser.Parse(fields.Select(f => new KeyValuePair<string, string?>(f.Name, f.Value)));

    [Theory]
    [InlineData("subid")]
    [InlineData("clickid")]
    [InlineData("click_id")]
    [InlineData("cid")]
    [InlineData("sub_id")]
    [InlineData("SUBID")]
    [InlineData("ClickId")]
    public void EverySubIdAliasIsAcceptedInAnyCase(string name)
    {
        var result = Parse((name, "abc123"));
        Assert.True(result.IsValid, result.Error);
        Assert.Equal("abc123", result.Postback!.SubId);
    }

    [Fact]
    public void SubIdWinsOverItsAliases()
    {
        var result = Parse(("cid", "fromcid"), ("subid", "fromsubid"));
        Assert.Equal("fromsubid", result.Postback!.SubId);
    }

    [Fact]
    public void FirstNonEmptyValueOfANameWins()
    {
        var result = Parse(("subid", ""), ("subid", "second"), ("subid", "third"));
        Assert.Equal("second", result.Postback!.SubId);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("subid", "")]
    [InlineData("subid", "   ")]
    [InlineData("status", "sale")]
    public void PostbackWithoutSubIdIsMalformed(string? name, string? value)
    {
        var result = name is null ? Parse() : Parse((name, value));
        Assert.False(result.IsValid);
        Assert.Contains("subid is missing", result.Error);
    }

    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("12", 12)]
    [InlineData(" 7.25 ", 7.25)]
    [InlineData("0.000001", 0.000001)]
    [InlineData("1000000000", 1000000000)]
    public void ValidPayoutsParseInTheInvariantCulture(string text, double expected)
    {
        var result = Parse(("subid", "a"), ("payout", text));
        Assert.True(result.IsValid, result.Error);
        Assert.Equal((decimal)expected, result.Postback!.Payout);
    }

    [Theory]
    [InlineData("-5", "negative")]
    [InlineData("NaN", "not a number")]
    [InlineData("10,50", "use a dot")]
    [InlineData("", "empty")]
    [InlineData("1e3", "not a number")]
    [InlineData("Infinity", "not a number")]
    [InlineData("12 USD", "not a number")]
    [InlineData("1000000001", "too large")]
    public void BadPayoutsAreMalformedWithAReason(string text, string reason)
    {
        var result = Parse(("subid", "a"), ("payout", text));
        Assert.False(result.IsValid);
        Assert.StartsWith("payout:", result.Error);
        Assert.Contains(reason, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("a", result.SubIdHint);
    }

    [Fact]
    public void RevenueIsAnAliasOfPayout()
    {
        Assert.Equal(3.5m, Parse(("subid", "a"), ("revenue", "3.5")).Postback!.Payout);
        Assert.Equal(1m, Parse(("subid", "a"), ("payout", "1"), ("revenue", "2")).Postback!.Payout);
    }

    [Fact]
    public void AbsentPayoutIsNullNotZero()
    {
        Assert.Null(Parse(("subid", "a")).Postback!.Payout);
    }

    [Theory]
    [InlineData("usd", "USD")]
    [InlineData(" eur ", "EUR")]
    [InlineData("Rub", "RUB")]
    [InlineData("", null)]
    public void CurrencyIsNormalisedAndEmptyMeansTheOffersCurrency(string text, string? expected)
    {
        var result = Parse(("subid", "a"), ("currency", text));
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Postback!.Currency);
    }

    [Theory]
    [InlineData("currency")]
    [InlineData("dollars")]
    [InlineData("{currency}")]
    [InlineData("U5D")]
    public void CurrencyThatIsNoIsoCodeIsMalformed(string text)
    {
        var result = Parse(("subid", "a"), ("currency", text));
        Assert.False(result.IsValid);
        Assert.Contains("ISO 4217", result.Error);
    }

    [Fact]
    public void ParameterNamesAreCaseInsensitive()
    {
        var p = Parse(("SubId", "a"), ("STATUS", "lead"), ("Payout", "2"), ("TID", "t1"), ("Lead_Status", "x"), ("FROM", "Net"), ("Return", "OK")).Postback!;
        Assert.Equal("lead", p.Status);
        Assert.Equal(2m, p.Payout);
        Assert.Equal("t1", p.Tid);
        Assert.Contains("x", p.StatusMap.Lead);
        Assert.Equal("Net", p.From);
        Assert.Equal("OK", p.Return);
    }

    [Fact]
    public void TidIsEmptyWhenAbsent()
    {
        Assert.Equal("", Parse(("subid", "a")).Postback!.Tid);
    }

    [Fact]
    public void SubIdParametersOneToFifteenUpdateTheClick()
    {
        var p = Parse(("subid", "a"), ("sub_id_1", "one"), ("SUB_ID_15", "fifteen"), ("sub_id_16", "ignored"), ("sub_id_0", "ignored")).Postback!;
        Assert.Equal(2, p.ClickParameters.Count);
        Assert.Equal("one", p.ClickParameters["sub_id_1"]);
        Assert.Equal("fifteen", p.ClickParameters["sub_id_15"]);
    }

    [Fact]
    public void EmptyReturnMeansTheDefaultAnswer()
    {
        Assert.Null(Parse(("subid", "a"), ("return", "")).Postback!.Return);
    }

    [Theory]
    [InlineData("status", 101)]
    [InlineData("tid", 201)]
    [InlineData("subid", 101)]
    [InlineData("sub_id_3", 1001)]
    public void OverlongValuesAreMalformed(string name, int length)
    {
        var fields = new List<(string, string?)> { (name, new string('x', length)) };
        if (name != "subid") fields.Add(("subid", "a"));
        var result = Parse([.. fields]);
        Assert.False(result.IsValid);
        Assert.Contains("longer than", result.Error);
    }

    [Theory]
    [InlineData("{sub1}", true)]
    [InlineData("##CLICK_ID##", true)]
    [InlineData("[[[subid]]]", true)]
    [InlineData("%click_id%", true)]
    [InlineData("<click_id>", true)]
    [InlineData("${visit_id}", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz", false)]
    public void UnfilledNetworkTokensAreRecognised(string subId, bool expected)
    {
        Assert.Equal(expected, PostbackParser.LooksLikeUnfilledToken(subId));
    }
}
