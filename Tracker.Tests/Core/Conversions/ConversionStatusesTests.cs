using Tracker.Core.Conversions;

namespace Tracker.Tests.Core.Conversions;

public sealed class ConversionStatusesTests
{
    public static TheoryData<ConversionStatus, ConversionStatus, bool> Transitions()
    {
        var allowed = new HashSet<(ConversionStatus, ConversionStatus)>
        {
            (ConversionStatus.Lead, ConversionStatus.Sale),
            (ConversionStatus.Lead, ConversionStatus.Rejected),
            (ConversionStatus.Sale, ConversionStatus.Rejected),
            (ConversionStatus.Rebill, ConversionStatus.Rejected),
        };
        var data = new TheoryData<ConversionStatus, ConversionStatus, bool>();
        foreach (var from in Enum.GetValues<ConversionStatus>())
            foreach (var to in Enum.GetValues<ConversionStatus>())
                data.Add(from, to, allowed.Contains((from, to)));
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void OnlyTheFourKeitaroTransitionsAreAllowed(ConversionStatus from, ConversionStatus to, bool expected)
    {
        Assert.Equal(expected, ConversionStatuses.IsAllowedChange(from, to));
    }

    [Theory]
    [InlineData(ConversionStatus.Lead, true)]
    [InlineData(ConversionStatus.Sale, true)]
    [InlineData(ConversionStatus.Rejected, false)]
    [InlineData(ConversionStatus.Rebill, false)]
    public void CapCountsLeadsAndSalesOnly(ConversionStatus status, bool counts)
    {
        Assert.Equal(counts, ConversionStatuses.CountsTowardCap(status));
    }
}
