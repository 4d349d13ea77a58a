using Microsoft.EntityFrameworkCore;
using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Core.Security;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Clicks;
using Tracker.Web.Data;

namespace Tracker.Tests.Integration.Clicks;

public sealed class ClickQueriesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int CampaignA, int CampaignB, int OfferId, int StreamId)> SeedCatalogAsync(TrackerApplication app)
    {
        var offer = (await app.Service<OfferStore>().CreateAsync(new Offer { Name = "Casino", Url = "https://network.example/c" }, Ct)).Value!;
        Campaign Make(string alias) => new()
        {
            Name = "Campaign " + alias,
            Alias = alias,
            Streams = [new CampaignStream { Name = "All", Action = StreamAction.Offers, Offers = [new StreamOffer { OfferId = offer.Id, Share = 1 }] }],
        };
        var a = (await app.Service<CampaignStore>().CreateAsync(Make("aaa"), Ct)).Value!;
        var b = (await app.Service<CampaignStore>().CreateAsync(Make("bbb"), Ct)).Value!;
        return (a.Id, b.Id, offer.Id, a.Streams[0].Id);
    }

    private static async Task<List<Click>> InsertClicksAsync(TrackerApplication app, int count, Func<int, int> campaignOf, int? offerId = null, int? streamId = null)
    {
        var start = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        var clicks = Enumerable.Range(0, count).Select(i => new Click
        {
            SubId = SubId.New(start.AddSeconds(i / 2)),
            // Pairs of clicks share a timestamp, as clicks in one batch can.
            CreatedAt = start.AddSeconds(i / 2),
            CampaignId = campaignOf(i),
            StreamId = streamId,
            OfferId = offerId,
            Country = "DE",
            Ip = $"10.0.0.{i % 250}",
            IsUnique = i % 3 == 0,
        }).ToList();
        await using var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct);
        db.Clicks.AddRange(clicks);
        await db.SaveChangesAsync(Ct);
        return clicks;
    }

    [Fact]
    public async Task PagesWalkEveryClickNewestFirstWithoutGapsOrRepeats()
    {
        await using var app = new TrackerApplication();
        var (a, _, offerId, streamId) = await SeedCatalogAsync(app);
        var inserted = await InsertClicksAsync(app, 125, _ => a, offerId, streamId);
        var queries = app.Service<ClickQueries>();

        var seen = new List<ClickRow>();
        ClickCursor? before = null;
        for (var pages = 0; ; pages++)
        {
            var page = await queries.ListAsync(new ClickQuery(Before: before, Take: 50), Ct);
            seen.AddRange(page.Rows);
            if (!page.HasOlder)
            {
                Assert.Equal(2, pages);
                break;
            }
            before = page.Next;
        }

        Assert.Equal(125, seen.Count);
        Assert.Equal(inserted.Select(c => c.SubId).Order(), seen.Select(r => r.SubId).Order());
        Assert.Equal(seen.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));
        Assert.All(seen, r =>
        {
            Assert.Equal("Campaign aaa", r.CampaignName);
            Assert.Equal("All", r.StreamName);
            Assert.Equal("Casino", r.OfferName);
        });
    }

    [Fact]
    public async Task SubIdSearchIsExactAndIgnoresCaseAndSpaces()
    {
        await using var app = new TrackerApplication();
        var (a, _, _, _) = await SeedCatalogAsync(app);
        var clicks = await InsertClicksAsync(app, 5, _ => a);
        var queries = app.Service<ClickQueries>();

        var hit = await queries.ListAsync(new ClickQuery(SubId: "  " + clicks[3].SubId.ToUpperInvariant() + " "), Ct);
        Assert.Equal(clicks[3].SubId, Assert.Single(hit.Rows).SubId);

        var prefix = await queries.ListAsync(new ClickQuery(SubId: clicks[3].SubId[..10]), Ct);
        Assert.Empty(prefix.Rows);
    }

    [Fact]
    public async Task CampaignFilterShowsOnlyThatCampaignsClicks()
    {
        await using var app = new TrackerApplication();
        var (a, b, _, _) = await SeedCatalogAsync(app);
        await InsertClicksAsync(app, 10, i => i % 2 == 0 ? a : b);

        var page = await app.Service<ClickQueries>().ListAsync(new ClickQuery(CampaignId: b), Ct);
        Assert.Equal(5, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Equal("Campaign bbb", r.CampaignName));
        Assert.False(page.HasOlder);
    }

    [Fact]
    public async Task DetailsCarryEverythingRecordedAndTheNamesOfWhatTheClickReferences()
    {
        await using var app = new TrackerApplication();
        var (a, _, offerId, streamId) = await SeedCatalogAsync(app);
        var clickedAt = DateTime.UtcNow;
        var click = new Click
        {
            SubId = SubId.New(clickedAt),
            CreatedAt = clickedAt,
            CampaignId = a,
            StreamId = streamId,
            OfferId = offerId,
            Country = "AT",
            Ip = "203.0.113.9",
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64)",
            Referrer = "https://news.example/article",
            Language = "de-AT",
            Parameters = new() { ["sub_id_1"] = "zone42", ["keyword"] = "casino bonus" },
            Trace = ["Stream 'All' (regular) matched: no filters", "Offer 'Casino' chosen: the only offer"],
        };
        await using (var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct))
        {
            db.Clicks.Add(click);
            await db.SaveChangesAsync(Ct);
        }

        var details = await app.Service<ClickQueries>().GetAsync(click.SubId.ToUpperInvariant(), Ct);
        Assert.NotNull(details);
        Assert.Equal("Campaign aaa", details.CampaignName);
        Assert.Equal("All", details.StreamName);
        Assert.Equal("Casino", details.OfferName);
        Assert.Equal("zone42", details.Click.Parameters["sub_id_1"]);
        Assert.Equal(2, details.Click.Trace.Count);
        Assert.Null(await app.Service<ClickQueries>().GetAsync("nosuchsubid", Ct));
    }
}
