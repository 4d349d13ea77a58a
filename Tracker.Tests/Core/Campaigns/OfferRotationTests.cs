using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Core.Campaigns;

public sealed class OfferRotationTests
{
    private static readonly Dictionary<int, Offer> Offers = new()
    {
        [1] = new Offer { Id = 1, Name = "A" },
        [2] = new Offer { Id = 2, Name = "B" },
        [3] = new Offer { Id = 3, Name = "Old", State = ItemState.Archived },
    };

    private static CampaignStream StreamWith(params (int OfferId, int Share)[] offers) => new()
    {
        Id = 7, Name = "Main", Offers = [.. offers.Select(o => new StreamOffer { OfferId = o.OfferId, Share = o.Share })],
    };

    [Fact]
    public void OffersAreChosenInProportionToTheirShares()
    {
        var stream = StreamWith((1, 75), (2, 25));
        var random = new SeededRandomSource(99);
        var a = Enumerable.Range(0, 40_000).Count(_ => OfferRotation.Pick(stream, Offers, random, new DecisionTrace())!.Id == 1);

        Assert.InRange(a / 40_000.0, 0.74, 0.76);
    }

    [Fact]
    public void ArchivedMissingAndZeroShareOffersAreLeftOutWithAReason()
    {
        var stream = StreamWith((3, 50), (42, 50), (2, 0), (1, 10));
        var trace = new DecisionTrace();

        var chosen = OfferRotation.Pick(stream, Offers, new SeededRandomSource(1), trace);

        Assert.Equal(1, chosen!.Id);
        Assert.Contains(trace.Lines, l => l.Contains("\"Old\" (#3) is archived"));
        Assert.Contains(trace.Lines, l => l.Contains("#42") && l.Contains("no longer exists"));
        Assert.Contains(trace.Lines, l => l.Contains("\"B\" (#2) has share 0"));
        Assert.Contains(trace.Lines, l => l.Contains("\"A\" (#1) chosen: the stream's only available offer"));
    }

    [Fact]
    public void StreamWithNoAvailableOfferChoosesNothing()
    {
        var trace = new DecisionTrace();

        Assert.Null(OfferRotation.Pick(StreamWith((3, 100)), Offers, new SeededRandomSource(1), trace));
        Assert.Contains("do nothing", trace.Lines[^1]);
    }
}
