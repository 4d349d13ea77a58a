using Bunit;
using Tracker.Core.Validation;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Components.Shared;

namespace Tracker.Tests.Components;

/// <summary>The one number input of the admin: what was typed stays on screen, and a message says what is wrong with it.</summary>
public sealed class NumberFieldTests : MudComponentContext
{
    private readonly List<decimal?> _values = [];
    private readonly List<string?> _inputErrors = [];

    private IRenderedComponent<NumberField> RenderField(NumberRule rule, decimal? value, bool optional = false) =>
        Render<NumberField>(p => p
            .Add(f => f.Rule, rule)
            .Add(f => f.Value, value)
            .Add(f => f.Optional, optional)
            .Add(f => f.Label, "Number")
            .Add(f => f.InputId, "number")
            .Add(f => f.ValueChanged, v => _values.Add(v))
            .Add(f => f.InputErrorChanged, m => _inputErrors.Add(m)));

    private static string Shown(IRenderedComponent<NumberField> cut) => cut.Find("#number").GetAttribute("value") ?? "";

    private static string Messages(IRenderedComponent<NumberField> cut) => cut.Find(".mud-input-control").TextContent;

    [Theory]
    [InlineData("12,50", 12.50)]
    [InlineData("12.50", 12.50)]
    [InlineData("0,0005", 0.0005)]
    public void AnAmountWithADecimalCommaOrDotIsPassedOnAndKeptAsTyped(string typed, decimal expected)
    {
        var cut = RenderField(NumberRule.Amount.Named("the payout"), 0m);

        cut.Find("#number").Input(typed);

        Assert.Equal([expected], _values);
        Assert.Equal(typed, Shown(cut));
        Assert.Empty(cut.FindAll(".mud-input-error"));
        Assert.Empty(_inputErrors);
    }

    [Theory]
    [InlineData("-5", "The payout cannot be negative.")]
    [InlineData("0.0000001", "has 7 decimal places")]
    [InlineData("1e9", "written with an exponent")]
    [InlineData("1000000001", "too large")]
    [InlineData("1,000", "could mean 1000 or 1.000")]
    public void ARefusedAmountStaysOnScreenWithItsMessageAndIsNotPassedOn(string typed, string message)
    {
        var cut = RenderField(NumberRule.Amount.Named("the payout"), 3m);

        cut.Find("#number").Input(typed);

        Assert.Empty(_values);
        Assert.Equal(typed, Shown(cut));
        Assert.Contains(message, Messages(cut), StringComparison.Ordinal);
        Assert.NotNull(cut.Find(".mud-input-error"));
        Assert.Contains(message, Assert.Single(_inputErrors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.5", "'2.5' is not a whole number: the daily cap counts conversions")]
    [InlineData("999999999999", "is too large: the daily cap can be at most 10000000")]
    [InlineData("0", "The daily cap must be at least 1 conversion.")]
    public void ADailyCapThatIsNotAWholeNumberInRangeStaysOnScreenWithItsMessage(string typed, string message)
    {
        var cut = RenderField(NumberRule.DailyCap, 20m);

        cut.Find("#number").Input(typed);

        Assert.Empty(_values);
        Assert.Equal(typed, Shown(cut));
        Assert.Contains(message, Messages(cut), StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeExchangeRateIsRefusedNotTurnedIntoZero()
    {
        var cut = RenderField(NumberRule.ExchangeRate, 1.08m, optional: true);

        cut.Find("#number").Input("-1");

        Assert.Empty(_values);
        Assert.Equal("-1", Shown(cut));
        Assert.Contains("The rate cannot be negative.", Messages(cut), StringComparison.Ordinal);
    }

    [Fact]
    public void FixingTheTextClearsTheMessageAndPassesTheValueOn()
    {
        var cut = RenderField(NumberRule.Amount, 0m);
        cut.Find("#number").Input("12,5,0");
        Assert.NotNull(cut.Find(".mud-input-error"));

        cut.Find("#number").Input("12,50");

        Assert.Empty(cut.FindAll(".mud-input-error"));
        Assert.Equal([12.50m], _values);
        Assert.Equal([_inputErrors[0], null], _inputErrors);
        Assert.NotNull(_inputErrors[0]);
    }

    [Fact]
    public void ARenderWithTheSameValueKeepsTheTextBeingFixed()
    {
        var cut = RenderField(NumberRule.Amount, 3m);
        cut.Find("#number").Input("3,");
        cut.Find("#number").Input("abc");

        cut.Render(p => p.Add(f => f.Value, 3m).Add(f => f.Label, "Payout"));

        Assert.Equal("abc", Shown(cut));
        Assert.Contains("is not a number", Messages(cut), StringComparison.Ordinal);
    }

    [Fact]
    public void ANewValueFromOutsideReplacesTheTextAndShowsMoneyWithTwoDecimals()
    {
        var cut = RenderField(NumberRule.Amount, 3m);
        Assert.Equal("3.00", Shown(cut));
        cut.Find("#number").Input("abc");

        cut.Render(p => p.Add(f => f.Value, 12.5m));

        Assert.Equal("12.50", Shown(cut));
        Assert.Empty(cut.FindAll(".mud-input-error"));
    }

    [Fact]
    public void AValidatorMessageShowsWhenTheTextReadsFine()
    {
        var cut = Render<NumberField>(p => p
            .Add(f => f.Rule, NumberRule.DailyCap)
            .Add(f => f.Value, 0m)
            .Add(f => f.InputId, "number")
            .Add(f => f.ErrorText, "The daily cap must be at least 1 conversion."));

        Assert.Contains("The daily cap must be at least 1 conversion.", Messages(cut), StringComparison.Ordinal);
    }
}
