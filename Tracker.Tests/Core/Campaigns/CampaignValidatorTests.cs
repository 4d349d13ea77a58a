using Tracker.Core.Campaigns;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Campaigns;

public sealed class CampaignValidatorTests
{
    private static readonly CampaignReferences Refs = new(
        AliasTaken: a => a == "taken",
        OfferExists: id => id is 1 or 2 or 3);

    private static Campaign Valid() => new()
    {
        Name = "Summer",
        Alias = "summer-sale",
        UniquenessHours = 24,
        Streams =
        [
            new CampaignStream
            {
                Name = "DE forced", Type = StreamType.Forced,
                Filters = [new StreamFilter { Type = "country", Mode = FilterMode.Include, Values = ["DE", "AT"] }],
                Action = StreamAction.Offers, Offers = [new StreamOffer { OfferId = 1, Share = 100 }],
            },
            new CampaignStream
            {
                Name = "Rest", Type = StreamType.Regular, Weight = 50,
                Action = StreamAction.Offers, Offers = [new StreamOffer { OfferId = 2, Share = 70 }, new StreamOffer { OfferId = 3, Share = 30 }],
            },
            new CampaignStream { Name = "Fallback", Type = StreamType.Default, Action = StreamAction.ShowText, ActionPayload = "Nothing here" },
        ],
    };

    private static IReadOnlyList<string> ErrorsAt(Campaign c, string field) =>
        CampaignValidator.Validate(c, Refs).For(field);

    [Fact]
    public void CompleteCampaignWithThreeStreamTypesIsValid()
    {
        var errors = CampaignValidator.Validate(Valid(), Refs);
        Assert.True(errors.IsValid, string.Join("; ", errors.ToDictionary().Select(kv => kv.Key + ": " + string.Join(",", kv.Value))));
    }

    [Fact]
    public void CampaignWithoutStreamsIsValidBecauseClicksThenGetDoNothing()
    {
        var c = Valid();
        c.Streams.Clear();
        Assert.True(CampaignValidator.Validate(c, Refs).IsValid);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("summer-sale")]
    [InlineData("0day")]
    [InlineData("a_b-c9")]
    [InlineData("api2")]
    [InlineData("administrator")]
    public void AliasesOfTheContractFormAreAccepted(string alias) =>
        Assert.Null(CampaignValidator.CheckAlias(alias));

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("lo")]
    [InlineData("health")]
    [InlineData("_framework")]
    [InlineData("_blazor")]
    [InlineData("_content")]
    [InlineData("favicon.ico")]
    [InlineData("robots.txt")]
    [InlineData("_anything")]
    [InlineData("_")]
    public void ReservedAliasesAreRefusedAsReserved(string alias) =>
        Assert.Contains("reserved", CampaignValidator.CheckAlias(alias));

    [Theory]
    [InlineData("", "Choose an alias")]
    [InlineData("a", "at least 2")]
    [InlineData("Summer", "lowercase")]
    [InlineData("-summer", "starting with a letter or digit")]
    [InlineData("sum mer", "lowercase")]
    [InlineData("sum/mer", "lowercase")]
    [InlineData("sum.mer", "lowercase")]
    [InlineData("süm", "lowercase")]
    public void MalformedAliasesSayWhatToFix(string alias, string hint) =>
        Assert.Contains(hint, CampaignValidator.CheckAlias(alias));

    [Fact]
    public void AliasLongerThanSixtyFourCharactersIsRefused()
    {
        Assert.Null(CampaignValidator.CheckAlias(new string('a', 64)));
        Assert.Contains("at most 64", CampaignValidator.CheckAlias(new string('a', 65)));
    }

    [Fact]
    public void AliasUsedByAnotherCampaignIsRefused()
    {
        var c = Valid();
        c.Alias = "taken";
        Assert.Contains("Another campaign already uses 'taken'", Assert.Single(ErrorsAt(c, "alias")));
    }

    [Fact]
    public void NormalizeLowerCasesAndTrimsTheAliasBeforeItIsChecked()
    {
        var c = Valid();
        c.Alias = "  Summer-Sale ";
        CampaignValidator.Normalize(c);
        Assert.Equal("summer-sale", c.Alias);
        Assert.True(CampaignValidator.Validate(c, Refs).IsValid);
    }

    [Theory]
    [InlineData("", "Give the campaign a name")]
    [InlineData("   ", "Give the campaign a name")]
    [InlineData("Tab\tname", "control characters")]
    public void BadNamesAreRefused(string name, string hint)
    {
        var c = Valid();
        c.Name = name;
        Assert.Contains(hint, Assert.Single(ErrorsAt(c, "name")));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(24, true)]
    [InlineData(8760, true)]
    [InlineData(8761, false)]
    [InlineData(-5, false)]
    public void UniquenessWindowIsOneHourToOneYear(int hours, bool valid)
    {
        var c = Valid();
        c.UniquenessHours = hours;
        Assert.Equal(valid, ErrorsAt(c, "uniquenessHours").Count == 0);
    }

    [Fact]
    public void SecondDefaultStreamIsRefusedAtItsPosition()
    {
        var c = Valid();
        c.Streams[0].Type = StreamType.Default;
        var errors = CampaignValidator.Validate(c, Refs);
        Assert.Empty(errors.For("streams[0].type"));
        Assert.Contains("Only one stream can be the default", Assert.Single(errors.For("streams[2].type")));
    }

    [Theory]
    [InlineData(StreamType.Regular, -1, false)]
    [InlineData(StreamType.Regular, 0, true)]
    [InlineData(StreamType.Regular, 10_000, true)]
    [InlineData(StreamType.Regular, 10_001, false)]
    [InlineData(StreamType.Forced, -1, true)]
    [InlineData(StreamType.Default, 99_999, true)]
    public void WeightIsCheckedOnlyForRegularStreams(StreamType type, int weight, bool valid)
    {
        var c = Valid();
        c.Streams[1].Type = type;
        c.Streams[1].Weight = weight;
        if (type == StreamType.Default) c.Streams.RemoveAt(2);
        Assert.Equal(valid, ErrorsAt(c, "streams[1].weight").Count == 0);
    }

    [Fact]
    public void UnknownCountryInAFilterIsNamedWithItsPath()
    {
        var c = Valid();
        c.Streams[0].Filters[0].Values = ["DE", "XX"];
        Assert.Contains("'XX' is not an ISO 3166 country code", Assert.Single(ErrorsAt(c, "streams[0].filters[0].values")));
    }

    [Fact]
    public void FilterWithoutValuesIsRefused()
    {
        var c = Valid();
        c.Streams[0].Filters[0].Values = [];
        Assert.Contains("Choose at least one value", Assert.Single(ErrorsAt(c, "streams[0].filters[0].values")));
    }

    [Fact]
    public void UnknownFilterTypeSaysWhichTypesExist()
    {
        var c = Valid();
        c.Streams[1].Filters = [new StreamFilter { Type = "city", Values = ["Berlin"] }];
        var message = Assert.Single(ErrorsAt(c, "streams[1].filters[0].type"));
        Assert.Contains("'city' is not a filter type", message);
        Assert.Contains("country", message);
    }

    [Fact]
    public void NormalizeUpperCasesAndDeduplicatesCountryValues()
    {
        var c = Valid();
        c.Streams[0].Filters[0].Values = [" de", "DE", "at", ""];
        CampaignValidator.Normalize(c);
        Assert.Equal(["DE", "AT"], c.Streams[0].Filters[0].Values);
        Assert.True(CampaignValidator.Validate(c, Refs).IsValid);
    }

    [Fact]
    public void DefaultStreamCannotHaveFilters()
    {
        var c = Valid();
        c.Streams[2].Filters = [new StreamFilter { Type = "country", Values = ["US"] }];
        Assert.Contains("has no filters", Assert.Single(ErrorsAt(c, "streams[2].filters")));
    }

    [Fact]
    public void ShowTextNeedsText()
    {
        var c = Valid();
        c.Streams[2].ActionPayload = "  ";
        Assert.Contains("Enter the text to show", Assert.Single(ErrorsAt(c, "streams[2].actionPayload")));
    }

    [Theory]
    [InlineData(StreamAction.Status404)]
    [InlineData(StreamAction.DoNothing)]
    public void ActionsWithoutOffersNeedNoOffersAndNoText(StreamAction action)
    {
        var c = Valid();
        c.Streams[1].Action = action;
        c.Streams[1].Offers.Clear();
        Assert.True(CampaignValidator.Validate(c, Refs).IsValid);
    }

    [Fact]
    public void OffersActionNeedsAtLeastOneOffer()
    {
        var c = Valid();
        c.Streams[1].Offers.Clear();
        Assert.Contains("Add at least one offer", Assert.Single(ErrorsAt(c, "streams[1].offers")));
    }

    [Fact]
    public void UnknownOfferIsRefused()
    {
        var c = Valid();
        c.Streams[1].Offers[1].OfferId = 99;
        Assert.Contains("Offer 99 does not exist", Assert.Single(ErrorsAt(c, "streams[1].offers[1].offerId")));
    }

    [Fact]
    public void SameOfferTwiceInAStreamIsRefused()
    {
        var c = Valid();
        c.Streams[1].Offers[1].OfferId = 2;
        Assert.Contains("already in this stream", Assert.Single(ErrorsAt(c, "streams[1].offers[1].offerId")));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-3, false)]
    [InlineData(1, true)]
    [InlineData(10_000, true)]
    [InlineData(10_001, false)]
    public void OfferShareMustBePositive(int share, bool valid)
    {
        var c = Valid();
        c.Streams[1].Offers[0].Share = share;
        Assert.Equal(valid, ErrorsAt(c, "streams[1].offers[0].share").Count == 0);
    }

    [Fact]
    public void NormalizeNumbersStreamsInOrderAndNamesUnnamedOnes()
    {
        var c = Valid();
        c.Streams[1].Name = " ";
        c.Streams.Reverse();
        CampaignValidator.Normalize(c);
        Assert.Equal([0, 1, 2], c.Streams.Select(s => s.Position));
        Assert.Equal("Stream 2", c.Streams[1].Name);
    }

    [Fact]
    public void OutOfRangeEnumValuesAreRefused()
    {
        var c = Valid();
        c.Streams[0].Action = (StreamAction)42;
        c.Streams[0].Filters[0].Mode = (FilterMode)7;
        c.State = (ItemState)9;
        var errors = CampaignValidator.Validate(c, Refs);
        Assert.Equal(["Action must be offers, show_text, status404 or do_nothing."], errors.For("streams[0].action"));
        Assert.Equal(["Mode must be include or exclude."], errors.For("streams[0].filters[0].mode"));
        Assert.Equal(["State must be active or archived."], errors.For("state"));
    }
}
