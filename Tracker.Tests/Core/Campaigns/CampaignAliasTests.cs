using Tracker.Core.Campaigns;

namespace Tracker.Tests.Core.Campaigns;

public sealed class CampaignAliasTests
{
    [Theory]
    [InlineData("summer-sale")]
    [InlineData("a1")]
    [InlineData("9_lives")]
    public void LowercaseAliasesOfTwoToSixtyFourCharactersAreValid(string alias) => Assert.True(CampaignAlias.IsValid(alias));

    [Theory]
    [InlineData("a")]
    [InlineData("Summer")]
    [InlineData("-start")]
    [InlineData("with space")]
    [InlineData("dots.are.out")]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("lo")]
    [InlineData("health")]
    [InlineData("_blazor")]
    public void MalformedOrReservedAliasesAreRefusedWithAReason(string alias)
    {
        Assert.False(CampaignAlias.IsValid(alias));
        Assert.NotNull(CampaignAlias.Problem(alias));
    }

    [Fact]
    public void SixtyFiveCharactersAreTooMany()
    {
        Assert.True(CampaignAlias.IsValid(new string('a', 64)));
        Assert.False(CampaignAlias.IsValid(new string('a', 65)));
    }
}
