using Tracker.Core.Amounts;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Offers;

/// <summary>The offer rules the UI and the API share, money first: each refusal names its field and says what to do.</summary>
public sealed class OfferValidatorTests
{
    private static Offer Valid(Action<Offer>? change = null)
    {
        var offer = new Offer
        {
            Id = 7, Name = "Casino DE", Url = "https://network.example/c?o=1&s={subid}", PayoutCurrency = "USD", PayoutMicros = 1_500_000,
        };
        change?.Invoke(offer);
        OfferValidator.Normalize(offer);
        return offer;
    }

    private static IDictionary<string, string[]> Errors(Offer offer, OfferReferences? refs = null) =>
        OfferValidator.Validate(offer, refs ?? OfferReferences.All).ToDictionary();

    [Fact]
    public void AValidOfferHasNoErrors() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void CpcWithAnAutomaticPayoutIsRefusedBecauseItsRevenueIsBookedBeforeAnyPostback()
    {
        var errors = Errors(Valid(o => { o.PayoutType = PayoutType.Cpc; o.PayoutAuto = true; }));

        var (field, messages) = Assert.Single(errors);
        Assert.Equal("payoutAuto", field);
        Assert.Equal(["CPC revenue is added when the visitor is sent, before any postback: set a fixed payout amount."], messages);
    }

    [Theory]
    [InlineData(PayoutType.Cpa, true)]
    [InlineData(PayoutType.Cpa, false)]
    [InlineData(PayoutType.Cpc, false)]
    public void EveryOtherPayoutModeIsAccepted(PayoutType type, bool auto) =>
        Assert.Empty(Errors(Valid(o => { o.PayoutType = type; o.PayoutAuto = auto; })));

    [Fact]
    public void ANegativePayoutIsRefused()
    {
        var errors = Errors(Valid(o => o.PayoutMicros = -1));

        Assert.Equal(["Payout cannot be negative."], errors["payoutValue"]);
    }

    [Fact]
    public void APayoutAboveTheLargestAmountIsRefusedAndTheLargestIsAccepted()
    {
        var largest = Money.ToMicros(Money.MaxAmount);

        Assert.Empty(Errors(Valid(o => o.PayoutMicros = largest)));
        Assert.Equal(["Payout is too large."], Errors(Valid(o => o.PayoutMicros = largest + 1))["payoutValue"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("DOLLARS")]
    [InlineData("US1")]
    public void APayoutCurrencyMustBeAnIsoCode(string currency)
    {
        var errors = Errors(Valid(o => o.PayoutCurrency = currency));

        Assert.Equal(["Choose a currency as a three-letter ISO 4217 code (e.g. USD, EUR)."], errors["payoutCurrency"]);
    }

    [Fact]
    public void ALowerCaseCurrencyIsNormalizedAndAccepted()
    {
        var offer = Valid(o => o.PayoutCurrency = " eur ");

        Assert.Equal("EUR", offer.PayoutCurrency);
        Assert.Empty(Errors(offer));
    }

    [Fact]
    public void AnOfferCannotBeItsOwnAlternative()
    {
        var errors = Errors(Valid(o => o.ConversionCap = new ConversionCap { Enabled = true, DailyLimit = 10, AlternativeOfferId = 7 }));

        var (field, messages) = Assert.Single(errors);
        Assert.Equal("conversionCap.alternativeOfferId", field);
        Assert.Equal(["An offer cannot be its own alternative: choose another offer."], messages);
    }

    [Fact]
    public void TheAlternativeMustExistAndANewOfferMayNameAnyExistingOne()
    {
        var refs = new OfferReferences(_ => true, _ => true, id => id == 3);

        Assert.Empty(Errors(Valid(o => o.ConversionCap = new ConversionCap { AlternativeOfferId = 3 }), refs));
        Assert.Empty(Errors(Valid(o => { o.Id = 0; o.ConversionCap = new ConversionCap { AlternativeOfferId = 3 }; }), refs));
        Assert.Equal(["Offer 4 does not exist."],
            Errors(Valid(o => o.ConversionCap = new ConversionCap { AlternativeOfferId = 4 }), refs)["conversionCap.alternativeOfferId"]);
    }

    [Fact]
    public void NotesMayFillTheirLimitButNotOneCharacterMore()
    {
        Assert.Empty(Errors(Valid(o => o.Notes = new string('n', OfferValidator.MaxNotesLength))));

        var errors = Errors(Valid(o => o.Notes = new string('n', OfferValidator.MaxNotesLength + 1)));

        Assert.Equal([$"Notes must be at most {OfferValidator.MaxNotesLength} characters."], errors["notes"]);
        Assert.Equal(20_000, OfferValidator.MaxNotesLength);
    }

    [Fact]
    public void AnEnabledCapNeedsALimitAndAKnownTimeZone()
    {
        var errors = Errors(Valid(o => o.ConversionCap = new ConversionCap { Enabled = true, DailyLimit = 0, TimeZone = "Mars/Olympus" }));

        Assert.Equal(["The daily cap must be at least 1 conversion."], errors["conversionCap.dailyLimit"]);
        Assert.Equal(["'Mars/Olympus' is not a known IANA time zone (e.g. Europe/Berlin)."], errors["conversionCap.timeZone"]);
    }
}
