using Tracker.Core.Clicks;

namespace Tracker.Tests.Core.Clicks;

public sealed class SubIdTests
{
    [Fact]
    public void NewSubIdsAreTwentySixLowercaseBase32CharactersAndDoNotRepeat()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => SubId.New()).ToList();

        Assert.All(ids, id =>
        {
            Assert.Matches("^[a-z2-7]{26}$", id);
            Assert.True(SubId.IsWellFormed(id));
        });
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(SubId.RandomBits >= 96);
    }

    [Fact]
    public void RandomPartIsEvenlySpreadOverTheAlphabet()
    {
        // The seventh character holds the last four time bits and the first random one; the 19 after it are all random.
        var counts = Enumerable.Range(0, 5_000)
            .SelectMany(_ => SubId.New(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))[7..])
            .GroupBy(c => c)
            .ToDictionary(g => g.Key, g => g.Count());

        // 95,000 symbols over 32 values: 2,969 each on average, a standard deviation of about 54.
        Assert.Equal(32, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 2_700, 3_250));
    }

    [Fact]
    public void LaterClicksGetSubIdsThatSortAfterEarlierOnes()
    {
        var start = new DateTime(2026, 11, 5, 12, 0, 0, DateTimeKind.Utc);
        var ids = Enumerable.Range(0, 2_000).Select(i => SubId.New(start.AddMilliseconds(i * 63))).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-05T12:00:00.0000000Z")]
    [InlineData("2026-11-05T12:00:00.0624999Z")]
    [InlineData("2026-11-30T23:59:59.9999999Z")]
    [InlineData("2053-06-01T08:15:30.5000000Z")]
    public void TheSubIdTellsTheSixteenthOfASecondItsClickWasMadeIn(string created)
    {
        var at = DateTime.Parse(created, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var window = SubId.TimeWindow(SubId.New(at));

        Assert.NotNull(window);
        Assert.Equal(SubId.TimeStep, window.Value.To - window.Value.From);
        Assert.InRange(at, window.Value.From, window.Value.To - TimeSpan.FromTicks(1));
        Assert.Equal(0, window.Value.From.Ticks % SubId.TimeStep.Ticks);
    }

    [Fact]
    public void ClicksASixteenthOfASecondApartHaveWindowsThatDoNotOverlap()
    {
        var at = new DateTime(2026, 11, 30, 10, 0, 0, 62, DateTimeKind.Utc).AddTicks(5_000);
        var first = SubId.TimeWindow(SubId.New(at))!.Value;
        var next = SubId.TimeWindow(SubId.New(at + SubId.TimeStep))!.Value;

        Assert.Equal(first.To, next.From);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abcdefghijklmnopqrstuvwxy0")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    public void OnlyTwentySixOfOurSymbolsHaveATimeWindow(string value) => Assert.Null(SubId.TimeWindow(value));

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("abc-def")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0")]
    [InlineData("abc def")]
    public void OnlyLowercaseLettersAndDigitsUpTo26AreWellFormed(string value) => Assert.False(SubId.IsWellFormed(value));
}
