using Tracker.Core.Campaigns;

namespace Tracker.Tests.Core.Campaigns;

public sealed class AliasSuggestionTests
{
    [Theory]
    [InlineData("Winter Sale", "winter-sale")]
    [InlineData("  Winter Sale — DE  ", "winter-sale-de")]
    [InlineData("Größe & Übergröße 2026", "grosse-ubergrosse-2026")]
    [InlineData("Café crème", "cafe-creme")]
    [InlineData("FB / mobile / iOS", "fb-mobile-ios")]
    public void ANameBecomesALowerCaseDashedAlias(string name, string alias) =>
        Assert.Equal(alias, AliasSuggestion.FromName(name));

    [Theory]
    [InlineData("")]
    [InlineData("!")]
    [InlineData("X")]
    [InlineData("Привет")]
    public void NoSuggestionWhenTheNameHasTooLittleToMakeOneFrom(string name) =>
        Assert.Equal("", AliasSuggestion.FromName(name));

    [Fact]
    public void ALongNameIsCutToSixtyFourCharactersWithoutATrailingDash()
    {
        var alias = AliasSuggestion.FromName(string.Join(' ', Enumerable.Repeat("campaign", 12)));

        Assert.True(alias.Length <= 64);
        Assert.False(alias.EndsWith('-'));
        Assert.Null(CampaignValidator.CheckAlias(alias));
    }
}
