using Mapster;
using Tracker.Core.Amounts;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Core.Settings;
using Tracker.Web.Endpoints.Api.Dtos;
using Tracker.Web.Mapping;

namespace Tracker.Tests.Unit;

public sealed class ApiMappingTests
{
    private static TypeAdapterConfig Registered()
    {
        var config = new TypeAdapterConfig();
        MappingConfig.Register(config);
        return config;
    }

    [Fact]
    public void TheRegisteredMappingConfigurationCompiles() => Registered().Compile();

    [Fact]
    public void EveryApiDtoMemberIsMappedOrIgnoredOnPurpose()
    {
        // With this flag Mapster refuses a destination member that has no source, so a field added to an
        // entity or DTO without a mapping rule fails here instead of silently staying empty.
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        ApiMappings.Register(config);
        config.Compile();
    }

    [Fact]
    public void OfferMapsToTheApiShapeWithPayoutAsAnExactDecimal()
    {
        var offer = SampleOffer();
        var dto = offer.Adapt<OfferDto>(Registered());

        Assert.Equal(0.0005m, dto.PayoutValue);
        Assert.Equal("0.0005", dto.PayoutValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((offer.Id, offer.Name, offer.GroupId, offer.AffiliateNetworkId, offer.RedirectType, offer.Url),
            (dto.Id, dto.Name, dto.GroupId, dto.AffiliateNetworkId, dto.RedirectType, dto.Url));
        Assert.Equal(["AT", "DE"], dto.Countries);
        Assert.Equal(new ConversionCapDto { Enabled = true, DailyLimit = 50, TimeZone = "Europe/Berlin", AlternativeOfferId = 13 }, dto.ConversionCap);
        Assert.Equal((PayoutType.Cpc, "USD", true, "n", ItemState.Archived, 4), (dto.PayoutType, dto.PayoutCurrency, dto.Rebills, dto.Notes, dto.State, dto.Version));
        Assert.Null(dto.LocalUrl);
    }

    [Fact]
    public void OfferDtoMapsBackWithoutTouchingReadOnlyFields()
    {
        var config = Registered();
        var dto = SampleOffer().Adapt<OfferDto>(config) with { LocalUrl = "https://evil.example/", CreatedAt = DateTime.UnixEpoch };
        var back = dto.Adapt<Offer>(config);

        Assert.Equal(500, back.PayoutMicros);
        Assert.Null(back.LocalKey);
        Assert.Equal(default, back.CreatedAt);
        Assert.Equal(SampleOffer().ConversionCap, back.ConversionCap);
        Assert.Equal(["AT", "DE"], back.Countries);
        Assert.NotSame(dto.Countries, back.Countries);
    }

    [Fact]
    public void SettingsMapBackWithoutKeysAndWithCodesUpperCased()
    {
        var config = Registered();
        var dto = new SettingsDto { BaseCurrency = " eur ", TimeZone = " Europe/Berlin ", PostbackKey = "stolen", ExchangeRates = new() { ["usd"] = 0.92m }, Version = 3 };
        var settings = dto.Adapt<TrackerSettings>(config);
        Assert.Equal(("EUR", "Europe/Berlin", "", "", 3), (settings.BaseCurrency, settings.TimeZone, settings.PostbackKey, settings.ApiKey, settings.Version));
        Assert.Equal(0.92m, settings.ExchangeRates["USD"]);
    }

    [Fact]
    public void NetworkMapsBothWaysLeavingComputedFieldsToTheEndpoint()
    {
        var config = Registered();
        var network = new AffiliateNetwork { Id = 5, Name = "3SNet", OfferParameters = "&sub1={subid}", PostbackParameters = "subid={sub1}", TemplateKey = "3snet_co", Notes = "x", Version = 2 };
        var dto = network.Adapt<AffiliateNetworkDto>(config);
        Assert.Equal(("3SNet", "&sub1={subid}", "subid={sub1}", "3snet_co", "", 0), (dto.Name, dto.OfferParameters, dto.PostbackParameters, dto.TemplateKey, dto.PostbackUrl, dto.OfferCount));
        var back = (dto with { PostbackUrl = "ignored" }).Adapt<AffiliateNetwork>(config);
        Assert.Equal((5, "3SNet", "subid={sub1}", 2), (back.Id, back.Name, back.PostbackParameters, back.Version));
    }

    private static Offer SampleOffer() => new()
    {
        Id = 12,
        Name = "Push CPC",
        GroupId = 3,
        AffiliateNetworkId = 5,
        RedirectType = RedirectType.DoubleMeta,
        Url = "https://network.example/click?o=77&s={subid}",
        Countries = ["AT", "DE"],
        PayoutType = PayoutType.Cpc,
        PayoutMicros = Money.ToMicros(0.0005m),
        PayoutCurrency = "USD",
        Rebills = true,
        ConversionCap = new ConversionCap { Enabled = true, DailyLimit = 50, TimeZone = "Europe/Berlin", AlternativeOfferId = 13 },
        Notes = "n",
        State = ItemState.Archived,
        Version = 4,
        LocalKey = "secret-key",
    };
}
