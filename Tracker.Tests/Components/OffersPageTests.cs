using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Components.Pages.Offers;
using Tracker.Web.Data;
using TestContext = Xunit.TestContext;

namespace Tracker.Tests.Components;

/// <summary>The offers list over a real host's SQLite file, rendered by bUnit.</summary>
public sealed class OffersPageTests : MudComponentContext, IAsyncLifetime
{
    private readonly TrackerApplication _app = new();

    public ValueTask InitializeAsync()
    {
        UseTracker(_app);
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private OfferStore Offers => _app.Service<OfferStore>();

    private static Offer NewOffer(string name, int? networkId = null) => new()
    {
        Name = name, Url = "https://net.example/click?o=1&s={subid}", AffiliateNetworkId = networkId, PayoutMicros = 2_000_000, PayoutCurrency = "USD",
    };

    private async Task<int> CreateAsync(Offer offer) => (await Offers.CreateAsync(offer, TestContext.Current.CancellationToken)).Value!.Id;

    [Fact]
    public async Task FirstPageOfTenThousandOffersShowsTheRightTotal()
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = _app.Service<IDbContextFactory<TrackerDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var now = DateTime.UtcNow;
            db.Offers.AddRange(Enumerable.Range(1, 10_000).Select(i => new Offer
            {
                Name = $"Offer {i:D5}", Url = $"https://net.example/click?o={i}&s={{subid}}", PayoutMicros = i * 1000L,
                State = i % 10 == 0 ? ItemState.Archived : ItemState.Active, CreatedAt = now, UpdatedAt = now,
            }));
            await db.SaveChangesAsync(ct);
        }

        var cut = Render<OffersPage>();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=offer-row]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal("9,000 offers", cut.Find("[data-testid=offer-total]").TextContent.Trim());
        Assert.Contains("1-25 of 9,000", cut.Find(".mud-table-pagination").TextContent);
        Assert.Equal("Offer 00001", cut.FindAll("[data-testid=offer-row] a")[0].TextContent);
        // Every tenth offer is archived, so the active list skips 10 and 20.
        Assert.Equal("Offer 00027", cut.FindAll("[data-testid=offer-row] a")[24].TextContent, StringComparer.Ordinal);
        Assert.DoesNotContain(cut.FindAll("[data-testid=offer-row] a"), a => a.TextContent == "Offer 00010");
    }

    [Fact]
    public async Task SearchNarrowsTheListOnTheServer()
    {
        await CreateAsync(NewOffer("Casino DE"));
        await CreateAsync(NewOffer("Casino AT"));
        await CreateAsync(NewOffer("Dating US"));
        var cut = Render<OffersPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=offer-row]").Count));

        cut.Find("#offer-search").Input("casino");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=offer-row]").Count), TimeSpan.FromSeconds(3));
        Assert.Equal("2 offers", cut.Find("[data-testid=offer-total]").TextContent.Trim());

        cut.Find("#offer-search").Input("");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=offer-row]").Count), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task EmptyCatalogueSaysWhatToDoFirst()
    {
        var cut = Render<OffersPage>();

        cut.WaitForAssertion(() => Assert.Contains("No offers yet — create one; first add an affiliate network", cut.Find("[data-testid=offers-empty]").TextContent));
        Assert.Contains("1. Add an affiliate network", cut.Find("[data-testid=offers-empty]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=offers-empty] a[href='/admin/networks']"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task OfferSavedElsewhereAppearsWithoutReload()
    {
        var network = (await _app.Service<NetworkStore>().CreateAsync(new AffiliateNetwork { Name = "CPA House", OfferParameters = "&sub1={subid}" }, TestContext.Current.CancellationToken)).Value!;
        var cut = Render<OffersPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=offers-empty]")));

        // Another tab (or the API) saves an offer: the list hears it on the change feed.
        await CreateAsync(NewOffer("Live offer", network.Id));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=offer-row]")), TimeSpan.FromSeconds(3));
        Assert.Contains("Live offer", cut.Find("[data-testid=offer-row]").TextContent);
        Assert.Contains("CPA House", cut.Markup);
    }

    [Fact]
    public async Task OfferCreatedThroughTheApiAppearsWithoutReload()
    {
        var cut = Render<OffersPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=offers-empty]")));

        var response = await _app.CreateApiClient().PostAsJsonAsync("/api/v1/offers",
            new { name = "From a script", url = "https://net.example/click?o=5&s={subid}", payoutValue = 1.25, payoutCurrency = "usd" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        cut.WaitForAssertion(() => Assert.Contains("From a script", cut.Find("[data-testid=offer-row]").TextContent), TimeSpan.FromSeconds(3));
        Assert.Contains("CPA 1.25 USD", cut.Find("[data-testid=offer-row]").Closest("tr")!.TextContent);
    }

    [Fact]
    public async Task ArchivingAsksFirstThenMovesTheOfferToTheArchive()
    {
        var id = await CreateAsync(NewOffer("Casino DE"));
        var hosts = RenderPopoverHosts();
        var cut = Render<OffersPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=offer-row]")));

        cut.Find("[data-testid=offer-archive]").Click();
        hosts.WaitForElements(".mud-dialog button").Single(b => b.TextContent.Trim() == "Archive").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=offer-row]")), TimeSpan.FromSeconds(3));
        Assert.Equal(ItemState.Archived, (await Offers.GetAsync(id, TestContext.Current.CancellationToken))!.State);
        Assert.NotNull(cut.Find("[data-testid=offers-no-match]"));
    }

    [Fact]
    public async Task CancelledDeleteKeepsTheOffer()
    {
        var id = await CreateAsync(NewOffer("Casino DE"));
        var hosts = RenderPopoverHosts();
        var cut = Render<OffersPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=offer-row]")));

        cut.Find("[data-testid=offer-delete]").Click();
        hosts.WaitForElements(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Assert.NotNull(await Offers.GetAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeletingAReferencedOfferShowsWhyItWasRefused()
    {
        var target = await CreateAsync(NewOffer("Backup offer"));
        var main = NewOffer("Main offer");
        main.ConversionCap = new ConversionCap { Enabled = true, DailyLimit = 10, AlternativeOfferId = target };
        await CreateAsync(main);
        var hosts = RenderPopoverHosts();
        var cut = Render<OffersPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=offer-row]").Count));

        var row = cut.FindAll("[data-testid=offer-row]").Single(r => r.TextContent.Contains("Backup offer", StringComparison.Ordinal)).Closest("tr")!;
        row.QuerySelector("[data-testid=offer-delete]")!.Click();
        hosts.WaitForElements(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click();

        hosts.WaitForAssertion(() => Assert.Contains("The offer is used by another offer's conversion cap; archive it instead.", hosts.Find(".mud-snackbar").TextContent));
        Assert.NotNull(await Offers.GetAsync(target, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DuplicateCreatesACopyThatAppearsInTheList()
    {
        await CreateAsync(NewOffer("Casino DE"));
        var cut = Render<OffersPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=offer-row]")));

        cut.Find("[data-testid=offer-duplicate]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=offer-row]").Count), TimeSpan.FromSeconds(3));
        Assert.Contains(cut.FindAll("[data-testid=offer-row] a"), a => a.TextContent == "Casino DE (copy)");
    }

    [Fact]
    public async Task SortAndFiltersAreAppliedByTheServer()
    {
        var networks = _app.Service<NetworkStore>();
        var house = (await networks.CreateAsync(new AffiliateNetwork { Name = "CPA House", OfferParameters = "&sub1={subid}" }, TestContext.Current.CancellationToken)).Value!;
        var other = (await networks.CreateAsync(new AffiliateNetwork { Name = "Other", OfferParameters = "&s={subid}" }, TestContext.Current.CancellationToken)).Value!;
        foreach (var (name, micros, network) in new[] { ("A pricey", 9_000_000L, house.Id), ("B cheap", 500L, house.Id), ("C middle", 2_000_000L, other.Id) })
        {
            var offer = NewOffer(name, network);
            offer.PayoutMicros = micros;
            await CreateAsync(offer);
        }
        var hosts = RenderPopoverHosts();
        var cut = Render<OffersPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=offer-row]").Count));
        string[] Names() => cut.FindAll("[data-testid=offer-row] a").Select(a => a.TextContent).ToArray();
        Assert.Equal(["A pricey", "B cheap", "C middle"], Names());

        cut.FindAll(".mud-table-sort-label").Single(l => l.TextContent.Contains("Payout", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Equal(["B cheap", "C middle", "A pricey"], Names()));

        cut.Find("[data-testid=filter-network] .mud-input-control").MouseDown();
        hosts.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "CPA House").Click();
        cut.WaitForAssertion(() => Assert.Equal(["B cheap", "A pricey"], Names()));
    }
}
