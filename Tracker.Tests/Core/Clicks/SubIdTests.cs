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
        var counts = Enumerable.Range(0, 5_000)
            .SelectMany(_ => SubId.New(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))[SubId.TimeLength..])
            .GroupBy(c => c)
            .ToDictionary(g => g.Key, g => g.Count());

        // 100,000 symbols over 32 values: 3,125 each on average, a standard deviation of about 55.
        Assert.Equal(32, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 2_800, 3_450));
    }

    [Fact]
    public void LaterClicksGetSubIdsThatSortAfterEarlierOnes()
    {
        var start = new DateTime(2026, 11, 5, 12, 0, 0, DateTimeKind.Utc);
        var ids = Enumerable.Range(0, 2_000).Select(i => SubId.New(start.AddSeconds(i * 37))).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(SubId.New(start)[..SubId.TimeLength], SubId.New(start.AddMilliseconds(999))[..SubId.TimeLength]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("abc-def")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0")]
    [InlineData("abc def")]
    public void OnlyLowercaseLettersAndDigitsUpTo26AreWellFormed(string value) => Assert.False(SubId.IsWellFormed(value));
}
