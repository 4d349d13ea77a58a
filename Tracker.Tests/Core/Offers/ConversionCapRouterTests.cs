using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Offers;

public sealed class ConversionCapRouterTests
{
    private static Offer NewOffer(int id, int? limit = null, int? alternative = null, ItemState state = ItemState.Active) => new()
    {
        Id = id,
        Name = $"Offer {id}",
        State = state,
        ConversionCap = new ConversionCap { Enabled = limit is not null, DailyLimit = limit ?? 0, TimeZone = "UTC", AlternativeOfferId = alternative },
    };

    private static CapRoute Route(Offer chosen, Dictionary<int, Offer> offers, Dictionary<int, int> counts) =>
        ConversionCapRouter.Route(chosen, id => offers.GetValueOrDefault(id), o => counts.GetValueOrDefault(o.Id));

    private static Dictionary<int, Offer> Catalogue(params Offer[] offers) => offers.ToDictionary(o => o.Id);

    [Fact]
    public void AnOfferWithoutCapKeepsTheClickAndSaysNothing()
    {
        var a = NewOffer(1);
        var route = Route(a, Catalogue(a), []);
        Assert.Same(a, route.Offer);
        Assert.Empty(route.Trace);
    }

    [Fact]
    public void AnOfferUnderItsCapKeepsTheClick()
    {
        var a = NewOffer(1, limit: 5, alternative: 2);
        var route = Route(a, Catalogue(a, NewOffer(2)), new() { [1] = 4 });
        Assert.Equal(1, route.Offer.Id);
        Assert.Contains("4 of 5 today", Assert.Single(route.Trace));
        Assert.Contains("under the cap", route.Trace[0]);
    }

    [Fact]
    public void ACappedOfferSendsTheClickToItsAlternative()
    {
        var a = NewOffer(1, limit: 5, alternative: 2);
        var route = Route(a, Catalogue(a, NewOffer(2)), new() { [1] = 5 });
        Assert.Equal(2, route.Offer.Id);
        Assert.Contains("alternative offer #2", Assert.Single(route.Trace));
    }

    [Fact]
    public void ACappedAlternativeSendsTheClickFurtherDownTheChain()
    {
        var a = NewOffer(1, limit: 5, alternative: 2);
        var route = Route(a, Catalogue(a, NewOffer(2, limit: 3, alternative: 3), NewOffer(3, limit: 10, alternative: 1)),
            new() { [1] = 5, [2] = 3, [3] = 9 });
        Assert.Equal(3, route.Offer.Id);
        Assert.Equal(3, route.Trace.Count);
    }

    [Fact]
    public void ACappedOfferWithoutAlternativeIgnoresTheCap()
    {
        var a = NewOffer(1, limit: 5);
        var route = Route(a, Catalogue(a), new() { [1] = 50 });
        Assert.Equal(1, route.Offer.Id);
        Assert.Contains("no alternative offer is set, so the cap is ignored", Assert.Single(route.Trace));
    }

    [Fact]
    public void AChainThatLoopsStopsAtTheLastOfferBeforeTheLoop()
    {
        var a = NewOffer(1, limit: 1, alternative: 2);
        var b = NewOffer(2, limit: 1, alternative: 1);
        var route = Route(a, Catalogue(a, b), new() { [1] = 1, [2] = 1 });
        Assert.Equal(2, route.Offer.Id);
        Assert.Contains("already tried", route.Trace[^1]);
    }

    [Fact]
    public void AnOfferThatIsItsOwnAlternativeDoesNotLoop()
    {
        var a = NewOffer(1, limit: 1, alternative: 1);
        var route = Route(a, Catalogue(a), new() { [1] = 3 });
        Assert.Equal(1, route.Offer.Id);
        Assert.Contains("already tried", Assert.Single(route.Trace));
    }

    [Theory]
    [InlineData(true, "archived")]
    [InlineData(false, "deleted")]
    public void AnArchivedOrDeletedAlternativeIgnoresTheCap(bool exists, string word)
    {
        var a = NewOffer(1, limit: 1, alternative: 2);
        var offers = exists ? Catalogue(a, NewOffer(2, state: ItemState.Archived)) : Catalogue(a);
        var route = Route(a, offers, new() { [1] = 1 });
        Assert.Equal(1, route.Offer.Id);
        Assert.Contains(word, Assert.Single(route.Trace));
    }

    [Fact]
    public void ALongChainEndsAtTheFirstOfferUnderItsCap()
    {
        var offers = Enumerable.Range(1, 30).Select(i => NewOffer(i, limit: 1, alternative: i + 1)).ToDictionary(o => o.Id);
        var counts = Enumerable.Range(1, 24).ToDictionary(i => i, _ => 1);
        var route = Route(offers[1], offers, counts);
        Assert.Equal(25, route.Offer.Id);
        Assert.Equal(25, route.Trace.Count);
    }

    [Fact]
    public void AChainLongerThanTheGuardStopsAtTheGuard()
    {
        var offers = Enumerable.Range(1, 100).Select(i => NewOffer(i, limit: 1, alternative: i + 1)).ToDictionary(o => o.Id);
        offers[100] = NewOffer(100);
        var counts = Enumerable.Range(1, 99).ToDictionary(i => i, _ => 1);
        var route = Route(offers[1], offers, counts);
        // The guard stops the walk after MaxChainLength offers rather than following it forever.
        Assert.Equal(ConversionCapRouter.MaxChainLength, route.Offer.Id);
    }
}
