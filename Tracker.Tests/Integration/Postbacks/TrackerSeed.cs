using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Core.Security;
using Tracker.Web.Conversions;
using Tracker.Web.Live;
using Tracker.Web.Data;

namespace Tracker.Tests.Integration.Postbacks;

/// <summary>Seeds what the click path and the catalogue would have stored, straight into the database.</summary>
public static class TrackerSeed
{
    public static async Task<TrackerDbContext> NewDbAsync(IServiceProvider services) =>
        await services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();

    /// <summary>The first campaign and network, created on first use.</summary>
    public static async Task<(int CampaignId, int NetworkId)> BasicsAsync(IServiceProvider services, DateTime now)
    {
        await using var db = await NewDbAsync(services);
        var campaign = await db.Campaigns.FirstOrDefaultAsync();
        var network = await db.AffiliateNetworks.FirstOrDefaultAsync();
        if (campaign is not null && network is not null) return (campaign.Id, network.Id);
        network = new AffiliateNetwork { Name = "Test network", OfferParameters = "&sub1={subid}", CreatedAt = now, UpdatedAt = now };
        campaign = new Campaign { Name = "Test campaign", Alias = "test-campaign", CreatedAt = now, UpdatedAt = now };
        db.AffiliateNetworks.Add(network);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return (campaign.Id, network.Id);
    }

    /// <summary>A CPA offer with a fixed 10 USD payout unless <paramref name="configure"/> says otherwise.</summary>
    public static async Task<Offer> OfferAsync(IServiceProvider services, int networkId, DateTime now, Action<Offer>? configure = null)
    {
        var offer = new Offer
        {
            Name = "Offer " + SecureToken.Create(4),
            Url = "https://network.example/click?o=1",
            AffiliateNetworkId = networkId,
            PayoutType = PayoutType.Cpa,
            PayoutMicros = 10_000_000,
            PayoutCurrency = "USD",
            CreatedAt = now,
            UpdatedAt = now,
        };
        configure?.Invoke(offer);
        await using (var db = await NewDbAsync(services))
        {
            db.Offers.Add(offer);
            await db.SaveChangesAsync();
        }
        await OfferSavedAsync(services, offer);
        return offer;
    }

    /// <summary>
    /// What the offer store does after a save: the change notice (so routing and postbacks see the
    /// offer as saved), and, awaited here so a test can count on it, the cap counter's refresh that
    /// the notice triggers.
    /// </summary>
    public static async Task OfferSavedAsync(IServiceProvider services, Offer offer)
    {
        services.GetRequiredService<ChangeFeed>().Publish(new ChangeNotice(ChangeNotice.Offer, offer.Id, offer.Version));
        await services.GetRequiredService<ConversionCapCounter>().RefreshOfferAsync(offer.Id);
    }

    /// <summary>A click on the offer (or on none), stored as the click path stores it.</summary>
    public static async Task<Click> ClickAsync(IServiceProvider services, int campaignId, Offer? offer, DateTime now, Action<Click>? configure = null)
    {
        var click = new Click
        {
            CreatedAt = now.AddMinutes(-5),
            CampaignId = campaignId,
            OfferId = offer?.Id,
            AffiliateNetworkId = offer?.AffiliateNetworkId,
            Country = "DE",
            Ip = "203.0.113.7",
            UserAgent = "Mozilla/5.0",
            IsUnique = true,
        };
        configure?.Invoke(click);
        // As the tracker issues them: the subid carries the click's time, which is how it is found.
        if (click.SubId.Length == 0) click.SubId = SubId.New(click.CreatedAt);
        await using var db = await NewDbAsync(services);
        db.Clicks.Add(click);
        await db.SaveChangesAsync();
        return click;
    }
}
