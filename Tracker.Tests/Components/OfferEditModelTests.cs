using Mapster;
using Tracker.Core.Offers;
using Tracker.Web.Components.Pages.Offers;
using Tracker.Web.Mapping;

namespace Tracker.Tests.Components;

public sealed class OfferEditModelTests
{
    private static readonly TypeAdapterConfig Mapping = CreateMapping();

    private static TypeAdapterConfig CreateMapping()
    {
        var config = new TypeAdapterConfig();
        MappingConfig.Register(config);
        return config;
    }

    private static Offer SampleOffer() => new()
    {
        Id = 12, Name = "Casino DE", GroupId = 3, AffiliateNetworkId = 5, RedirectType = RedirectType.DoubleMeta,
        Url = "https://net.example/click?o=77", IsLocal = true, LocalKey = "k3y", Countries = ["AT", "DE"],
        PayoutType = PayoutType.Cpa, PayoutAuto = false, PayoutMicros = 12_500_000, PayoutCurrency = "EUR", Rebills = true,
        ConversionCap = new ConversionCap { Enabled = true, DailyLimit = 50, TimeZone = "Europe/Berlin", AlternativeOfferId = 13 },
        Notes = "manager: Anna", State = ItemState.Archived, Version = 4,
    };

    [Fact]
    public void EveryFieldSurvivesTheTripThroughTheEditor()
    {
        var offer = SampleOffer();

        var model = offer.Adapt<OfferEditModel>(Mapping);
        Assert.Equal(12.5m, model.PayoutValue);
        Assert.Equal(50, model.ConversionCapDailyLimit);
        Assert.Equal("Europe/Berlin", model.ConversionCapTimeZone);
        Assert.Equal(13, model.ConversionCapAlternativeOfferId);

        var back = model.Adapt<Offer>(Mapping);
        Assert.Equivalent(offer, back, strict: true);
    }

    [Fact]
    public void PayoutIsConvertedToExactMicroUnits()
    {
        var model = SampleOffer().Adapt<OfferEditModel>(Mapping);
        model.PayoutValue = 0.0005m;

        Assert.Equal(500, model.Adapt<Offer>(Mapping).PayoutMicros);
    }

    [Fact]
    public void EditingACopyLeavesTheOriginalAlone()
    {
        var model = SampleOffer().Adapt<OfferEditModel>(Mapping);
        var copy = model.Clone();
        copy.Countries.Add("FR");
        copy.Name = "Casino FR";

        Assert.Equal(["AT", "DE"], model.Countries);
        Assert.Equal(["name", "countries"], model.Differences(copy).Select(f => f.Key));
    }

    [Fact]
    public void OverwriteKeepsTheirChangesToFieldsYouDidNotEdit()
    {
        var original = SampleOffer().Adapt<OfferEditModel>(Mapping);
        var mine = original.Clone();
        mine.Name = "Casino DE (mine)";
        mine.PayoutValue = 14m;
        var theirs = original.Clone();
        theirs.Version = 5;
        theirs.Name = "Casino DE (theirs)";
        theirs.Url = "https://net.example/click?o=78";

        var merged = mine.ReapplyOnto(original, theirs);

        Assert.Equal("Casino DE (mine)", merged.Name);
        Assert.Equal(14m, merged.PayoutValue);
        Assert.Equal("https://net.example/click?o=78", merged.Url);
        Assert.Equal(5, merged.Version);
    }

    [Fact]
    public void ErrorKeysLeadToTheTabThatEditsThem()
    {
        Assert.Equal(OfferTab.Main, OfferEditModel.TabOf("url"));
        Assert.Equal(OfferTab.Additional, OfferEditModel.TabOf("conversionCap.dailyLimit"));
        Assert.Equal(OfferTab.Additional, OfferEditModel.TabOf("payoutCurrency"));
        Assert.Equal(OfferTab.Notes, OfferEditModel.TabOf("notes"));
    }
}
