using Bunit;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Components.Pages.Offers;

namespace Tracker.Tests.Components;

public sealed class OfferAdditionalTabTests : MudComponentContext
{
    private static readonly OfferGroup[] Groups = [new() { Id = 1, Name = "Casino" }, new() { Id = 2, Name = "Dating" }];

    private static readonly OfferSummary[] Offers =
    [
        new(10, "Casino DE", ItemState.Active, 1, ["DE"]),
        new(11, "Casino AT backup", ItemState.Active, 1, ["AT"]),
        new(12, "Dating US", ItemState.Archived, 2, ["US"]),
    ];

    private readonly List<string> _changed = [];

    private IRenderedComponent<OfferAdditionalTab> RenderTab(OfferEditModel model, ValidationErrors? errors = null) =>
        Render<OfferAdditionalTab>(p => p
            .Add(t => t.Model, model)
            .Add(t => t.Errors, errors ?? new ValidationErrors())
            .Add(t => t.Groups, Groups)
            .Add(t => t.Offers, Offers)
            .Add(t => t.OnFieldChanged, key => _changed.Add(key)));

    [Fact]
    public void AdditionalTabShowsEveryFieldWithItsExplanation()
    {
        var cut = RenderTab(new OfferEditModel());

        Assert.NotNull(cut.Find("[data-testid=offer-group]"));
        Assert.NotNull(cut.Find("#offer-country-search"));
        Assert.NotNull(cut.Find("[data-testid=offer-payout-type]"));
        Assert.NotNull(cut.Find("#offer-payout-value"));
        Assert.NotNull(cut.Find("[data-testid=offer-payout-currency]"));
        Assert.NotNull(cut.Find("input[data-testid=offer-rebills]"));
        Assert.NotNull(cut.Find("input[data-testid=offer-cap-enabled]"));
        Assert.NotNull(cut.Find("#offer-cap-daily"));
        Assert.NotNull(cut.Find("#offer-cap-time-zone"));
        Assert.NotNull(cut.Find("#offer-cap-alternative"));
        Assert.Contains("helps pick offers for streams", cut.Markup);
        Assert.Contains("CPA (cost per action): revenue is added when the network's postback arrives.", cut.Find("[data-testid=payout-type-explanation]").TextContent);
        Assert.Contains("repeated postbacks for one subid are ignored", cut.Find("[data-testid=rebills-explanation]").TextContent);
        Assert.Contains("Limits the number of conversions which could be received on the offer daily", cut.Markup);
    }

    [Fact]
    public void ValidationMessagesAppearUnderTheirFields()
    {
        var errors = new ValidationErrors();
        errors.Add("conversionCap.dailyLimit", "The daily cap must be at least 1 conversion.");
        errors.Add("conversionCap.timeZone", "'Mars/Olympus' is not a known IANA time zone (e.g. Europe/Berlin).");
        errors.Add("payoutValue", "Payout is too large.");
        var cut = RenderTab(new OfferEditModel { ConversionCapEnabled = true, ConversionCapTimeZone = "Mars/Olympus" }, errors);

        Assert.Contains("at least 1 conversion", cut.Find("#offer-cap-daily").Closest(".mud-input-control")!.TextContent);
        Assert.Contains("not a known IANA time zone", cut.Find("#offer-cap-time-zone").Closest(".mud-input-control")!.TextContent);
        Assert.Contains("Payout is too large.", cut.Find("#offer-payout-value").Closest(".mud-input-control")!.TextContent);
        Assert.DoesNotContain("at least 1 conversion", cut.Find("#offer-payout-value").Closest(".mud-input-control")!.TextContent);
    }

    [Fact]
    public void CountriesArePickedByNameAndStoredAsIsoCodes()
    {
        var hosts = RenderPopoverHosts();
        var model = new OfferEditModel();
        var cut = RenderTab(model);
        Assert.Contains("All countries", cut.Find("[data-testid=offer-countries]").TextContent);

        cut.Find("#offer-country-search").Input("Germ");
        hosts.WaitForElements(".mud-list-item").First(i => i.TextContent.Contains("Germany (DE)", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Equal(["DE"], model.Countries));
        Assert.Contains("countries", _changed);
        Assert.Contains("Germany (DE)", cut.Find("[data-testid=offer-countries] [data-country=DE]").TextContent);

        cut.Find("#offer-country-search").Input("at");
        hosts.WaitForElements(".mud-list-item").First(i => i.TextContent.Contains("Austria (AT)", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Equal(["DE", "AT"], model.Countries));

        cut.Find("[data-country=DE] .mud-chip-close-button").Click();
        Assert.Equal(["AT"], model.Countries);
    }

    [Fact]
    public void AutoPayoutExplainsThatTheAmountComesFromThePostback()
    {
        var model = new OfferEditModel();
        var cut = RenderTab(model);
        Assert.Empty(cut.FindAll("[data-testid=payout-auto-explanation]"));

        cut.FindAll("[data-testid=offer-payout-auto] input[type=radio]")[1].Click();

        Assert.True(model.PayoutAuto);
        Assert.Contains("&payout=0.5&currency=usd", cut.Find("[data-testid=payout-auto-explanation]").TextContent);
        Assert.Empty(cut.FindAll("#offer-payout-value"));
    }

    [Fact]
    public void CpcNeedsAFixedAmountSoChoosingItTurnsAutoOff()
    {
        var model = new OfferEditModel { PayoutAuto = true };
        var cut = RenderTab(model);

        cut.FindAll("[data-testid=offer-payout-type] input[type=radio]")[1].Click();

        Assert.Equal(PayoutType.Cpc, model.PayoutType);
        Assert.False(model.PayoutAuto);
        Assert.Contains("revenue is added as soon as a visitor is sent", cut.Find("[data-testid=payout-type-explanation]").TextContent);
        Assert.True(cut.FindAll("[data-testid=offer-payout-auto] input[type=radio]")[1].HasAttribute("disabled"));
    }

    [Fact]
    public void PayoutAmountIsReadWithADecimalPoint()
    {
        var model = new OfferEditModel();
        var cut = RenderTab(model);

        cut.Find("#offer-payout-value").Input("0.0005");

        Assert.Equal(0.0005m, model.PayoutValue);
        Assert.Contains("payoutValue", _changed);
    }

    [Fact]
    public void PayoutTypedWithADecimalCommaIsReadAsDecimalsAndKeptAsTyped()
    {
        var model = new OfferEditModel();
        var cut = RenderTab(model);

        cut.Find("#offer-payout-value").Input("12,50");

        Assert.Equal(12.50m, model.PayoutValue);
        Assert.Equal("12,50", cut.Find("#offer-payout-value").GetAttribute("value"));
        Assert.Empty(model.InputErrors);
    }

    [Theory]
    [InlineData("-5", "The payout cannot be negative.")]
    [InlineData("1e9", "written with an exponent")]
    [InlineData("0.0000001", "has 7 decimal places")]
    public void AnUnreadablePayoutKeepsItsTextAndTheLastGoodValueAndIsRecordedForTheEditor(string typed, string message)
    {
        var model = new OfferEditModel { PayoutValue = 3m };
        var cut = RenderTab(model);

        cut.Find("#offer-payout-value").Input(typed);

        Assert.Equal(3m, model.PayoutValue);
        Assert.Equal(typed, cut.Find("#offer-payout-value").GetAttribute("value"));
        Assert.Contains(message, cut.Find("#offer-payout-value").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, model.InputErrors["payoutValue"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.5", "'2.5' is not a whole number")]
    [InlineData("999999999999", "is too large")]
    public void AnUnreadableDailyCapStaysOnScreenWithWhatIsWrong(string typed, string message)
    {
        var model = new OfferEditModel { ConversionCapEnabled = true, ConversionCapDailyLimit = 20 };
        var cut = RenderTab(model);

        cut.Find("#offer-cap-daily").Input(typed);

        Assert.Equal(20, model.ConversionCapDailyLimit);
        Assert.Equal(typed, cut.Find("#offer-cap-daily").GetAttribute("value"));
        Assert.Contains(message, cut.Find("#offer-cap-daily").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.True(model.InputErrors.ContainsKey("conversionCap.dailyLimit"));

        // Turning the cap off shows the last good value again: a disabled field cannot hold up the save.
        cut.Find("input[data-testid=offer-cap-enabled]").Change(false);
        Assert.Equal("20", cut.Find("#offer-cap-daily").GetAttribute("value"));
        Assert.Empty(model.InputErrors);
    }

    [Fact]
    public void AFixedCpaPayoutOfZeroWarnsAndOffersAuto()
    {
        var model = new OfferEditModel();
        var cut = RenderTab(model);

        Assert.Contains("books every conversion at 0.00", cut.Find("[data-testid=zero-payout-warning]").TextContent);

        cut.Find("[data-testid=zero-payout-use-auto]").Click();

        Assert.True(model.PayoutAuto);
        Assert.Empty(cut.FindAll("[data-testid=zero-payout-warning]"));
        Assert.NotNull(cut.Find("[data-testid=payout-auto-explanation]"));
    }

    [Fact]
    public void APayoutAboveZeroOrACpcOfferHasNoZeroPayoutWarning()
    {
        var model = new OfferEditModel();
        var cut = RenderTab(model);

        cut.Find("#offer-payout-value").Input("0,5");
        Assert.Empty(cut.FindAll("[data-testid=zero-payout-warning]"));

        cut.Find("#offer-payout-value").Input("0");
        Assert.NotNull(cut.Find("[data-testid=zero-payout-warning]"));
        cut.FindAll("[data-testid=offer-payout-type] input[type=radio]")[1].Click();
        Assert.Empty(cut.FindAll("[data-testid=zero-payout-warning]"));
    }

    [Fact]
    public void RebillsSwitchSpellsOutWhatItChanges()
    {
        var model = new OfferEditModel();
        var cut = RenderTab(model);

        cut.Find("input[data-testid=offer-rebills]").Change(true);

        Assert.True(model.Rebills);
        Assert.Contains("unique tid", cut.Find("[data-testid=rebills-explanation]").TextContent.Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void AlternativeOfferPickerNeverOffersTheOfferItself()
    {
        var hosts = RenderPopoverHosts();
        var model = new OfferEditModel { Id = 10, ConversionCapEnabled = true };
        var cut = RenderTab(model);

        cut.Find("#offer-cap-alternative").Input("Casino");

        var items = hosts.WaitForElements(".mud-list-item");
        Assert.DoesNotContain(items, i => i.TextContent.Contains("#10 ", StringComparison.Ordinal));
        items.Single(i => i.TextContent.Contains("#11 Casino AT backup", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Equal(11, model.ConversionCapAlternativeOfferId));
        Assert.Contains("conversionCap.alternativeOfferId", _changed);
    }

    [Fact]
    public void TimeZoneIsSearchable()
    {
        // The zone list is read from the OS on first use (seconds on Linux); read it before the wait clock starts.
        Assert.Contains("Europe/Berlin", TimeZones.All);
        var hosts = RenderPopoverHosts();
        var model = new OfferEditModel { ConversionCapEnabled = true };
        var cut = RenderTab(model);

        cut.Find("#offer-cap-time-zone").Input("berlin");

        hosts.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("Europe/Berlin", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Equal("Europe/Berlin", model.ConversionCapTimeZone));
    }
}
