using Tracker.Core.Validation;

namespace Tracker.Tests.Core.Validation;

/// <summary>How a number typed into the admin is read: never changed without saying so.</summary>
public sealed class NumberTextTests
{
    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData("12,50", "12.50")]
    [InlineData(" 12,5 ", "12.5")]
    [InlineData("0,005", "0.005")]
    [InlineData("0.0005", "0.0005")]
    [InlineData("1000", "1000")]
    [InlineData(".5", "0.5")]
    [InlineData("7.", "7")]
    [InlineData("12.5000000", "12.5")]
    [InlineData("1000000000", "1000000000")]
    [InlineData("0", "0")]
    public void AmountsTypedWithADotOrAnUnambiguousDecimalCommaAreRead(string typed, string expected)
    {
        var parsed = NumberText.Parse(typed, NumberRule.Amount);

        Assert.Null(parsed.Error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
    }

    [Theory]
    [InlineData("-5", "cannot be negative")]
    [InlineData("0.0000001", "has 7 decimal places: the amount is kept to 6 (the smallest step is 0.000001)")]
    [InlineData("1e9", "written with an exponent")]
    [InlineData("1E-3", "written with an exponent")]
    [InlineData("1000000000.01", "too large: the amount can be at most 1000000000")]
    [InlineData("99999999999999999999999999999999", "too large")]
    [InlineData("1,000", "could mean 1000 or 1.000")]
    [InlineData("12,500", "could mean 12500 or 12.500")]
    [InlineData("1,234.50", "more than one separator")]
    [InlineData("1.234.567", "more than one separator")]
    [InlineData("1 000", "space or a thousands separator")]
    [InlineData("12 USD", "space or a thousands separator")]
    [InlineData("12$", "is not a number")]
    [InlineData("abc", "is not a number")]
    [InlineData(".", "is not a number")]
    [InlineData("", "Enter the amount")]
    [InlineData("NaN", "is not a number")]
    public void AnythingElseIsRefusedWithASentenceSayingWhatIsWrong(string typed, string message)
    {
        var parsed = NumberText.Parse(typed, NumberRule.Amount);

        Assert.Null(parsed.Value);
        Assert.Contains(message, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AZeroBeforeTheCommaMakesItADecimalNotAThousandsSeparator()
    {
        Assert.Equal(0.125m, NumberText.Parse("0,125", NumberRule.Amount).Value);
        Assert.Equal(1234.5m, NumberText.Parse("1234,5", NumberRule.Amount).Value);
        Assert.Equal(1234.567m, NumberText.Parse("1234,567", NumberRule.Amount).Value);
    }

    [Theory]
    [InlineData("2.5", "'2.5' is not a whole number: the daily cap counts conversions")]
    [InlineData("999999999999", "'999999999999' is too large: the daily cap can be at most 10000000")]
    [InlineData("100000000", "is too large")]
    [InlineData("0", "The daily cap must be at least 1 conversion.")]
    [InlineData("-3", "The daily cap cannot be negative.")]
    public void TheDailyCapTakesOnlyAWholeNumberInRange(string typed, string message)
    {
        var parsed = NumberText.Parse(typed, NumberRule.DailyCap);

        Assert.Null(parsed.Value);
        Assert.Contains(message, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("50", 50)]
    [InlineData("10000000", 10_000_000)]
    [InlineData("2.0", 2)]
    public void AWholeDailyCapIsRead(string typed, int expected) =>
        Assert.Equal(expected, NumberText.Parse(typed, NumberRule.DailyCap).Value);

    [Theory]
    [InlineData("-1", "The rate cannot be negative.")]
    [InlineData("0", "The rate must be more than 0.")]
    [InlineData("0,0", "The rate must be more than 0.")]
    public void AnExchangeRateMustBeMoreThanZero(string typed, string message) =>
        Assert.Equal(message, NumberText.Parse(typed, NumberRule.ExchangeRate).Error);

    [Fact]
    public void AnExchangeRateWithADecimalCommaIsRead() =>
        Assert.Equal(1.08m, NumberText.Parse("1,08", NumberRule.ExchangeRate).Value);

    [Fact]
    public void AnEmptyOptionalFieldHasNoValueAndNoError()
    {
        var parsed = NumberText.Parse("  ", NumberRule.ExchangeRate, required: false);

        Assert.True(parsed.IsValid);
        Assert.Null(parsed.Value);
    }

    [Fact]
    public void AMessageNamesTheFieldItIsAbout() =>
        Assert.Equal("The payout cannot be negative.", NumberText.Parse("-5", NumberRule.Amount.Named("the payout")).Error);

    [Theory]
    [InlineData(12.5, "12.50")]
    [InlineData(0.0005, "0.0005")]
    [InlineData(7, "7.00")]
    public void MoneyIsWrittenBackWithTwoDecimalsAndEveryDigitKept(decimal value, string expected) =>
        Assert.Equal(expected, NumberText.Format(value, NumberRule.Amount));

    [Fact]
    public void AWholeNumberIsWrittenBackWithoutDecimals() =>
        Assert.Equal("50", NumberText.Format(50m, NumberRule.DailyCap));
}
