using Tracker.Core.Clicks;

namespace Tracker.Tests.Core.Clicks;

public sealed class SubIdTests
{
    [Fact]
    public void NewSubIdsAreTwentySixLowercaseBase32CharactersAndDoNotRepeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => SubId.New()).ToList();

        Assert.All(ids, id =>
        {
            Assert.Equal(26, id.Length);
            Assert.Matches("^[a-z2-7]{26}$", id);
            Assert.True(SubId.IsWellFormed(id));
        });
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("abc-def")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0")]
    [InlineData("abc def")]
    public void OnlyLowercaseLettersAndDigitsUpTo26AreWellFormed(string value) => Assert.False(SubId.IsWellFormed(value));
}
