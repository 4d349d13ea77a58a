using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Clicks;
using Tracker.Web.Data;
using Tracker.Web.Live;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>
/// Seeds campaigns, offers and networks straight through the DbContext (as a save would, followed by
/// its change notice) and lets a test choose the client address of a request.
/// </summary>
internal static class ClickTestKit
{
    public const string ClientIpHeader = "X-Test-Client-Ip";

    public const string GermanIp = "85.214.132.117";
    public const string AmericanIp = "8.8.8.8";

    /// <summary>A host where <see cref="ClientIpHeader"/> sets the connection's remote address (the test server has none).</summary>
    public static TrackerApplication CreateApp(Action<IServiceCollection>? services = null, Dictionary<string, string?>? settings = null) =>
        new(settings)
        {
            ConfigureTestServices = s =>
            {
                s.AddSingleton<IStartupFilter, ClientIpFromHeader>();
                services?.Invoke(s);
            },
        };

    public static HttpClient Visitor(this TrackerApplication app, string? ip = null, string userAgent = "Mozilla/5.0 (test visitor)")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        if (ip is not null) client.DefaultRequestHeaders.Add(ClientIpHeader, ip);
        return client;
    }

    public static async Task<T> SeedAsync<T>(this TrackerApplication app, Func<TrackerDbContext, T> add, string kind = ChangeNotice.Campaign)
    {
        _ = app.Services; // the host (and its migrated database) must exist first; works with the test server and Kestrel alike
        await using var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        var entity = add(db);
        await db.SaveChangesAsync();
        app.Service<ChangeFeed>().Publish(new ChangeNotice(kind, 0, 1));
        return entity;
    }

    public static Task<AffiliateNetwork> AddNetworkAsync(this TrackerApplication app, string offerParameters) =>
        app.SeedAsync(db => db.AffiliateNetworks.Add(new AffiliateNetwork { Name = "Net", OfferParameters = offerParameters }).Entity, ChangeNotice.Network);

    public static Task<Offer> AddOfferAsync(this TrackerApplication app, string url, RedirectType type = RedirectType.Http,
        int? networkId = null, Action<Offer>? configure = null) =>
        app.SeedAsync(db =>
        {
            var offer = new Offer { Name = "Offer " + url, Url = url, RedirectType = type, AffiliateNetworkId = networkId };
            configure?.Invoke(offer);
            return db.Offers.Add(offer).Entity;
        }, ChangeNotice.Offer);

    public static Task<Campaign> AddCampaignAsync(this TrackerApplication app, string alias, params CampaignStream[] streams) =>
        app.SeedAsync(db =>
        {
            var position = 0;
            foreach (var s in streams) s.Position = position++;
            return db.Campaigns.Add(new Campaign { Name = "Campaign " + alias, Alias = alias, Streams = [.. streams] }).Entity;
        });

    public static CampaignStream OffersStream(string name, StreamType type, params (int OfferId, int Share)[] offers) => new()
    {
        Name = name,
        Type = type,
        Offers = [.. offers.Select(o => new StreamOffer { OfferId = o.OfferId, Share = o.Share })],
    };

    public static StreamFilter Country(FilterMode mode, params string[] codes) => new() { Type = "country", Mode = mode, Values = [.. codes] };

    /// <summary>A campaign with one default stream sending everyone to one offer.</summary>
    public static async Task<(Campaign Campaign, Offer Offer)> SimpleCampaignAsync(this TrackerApplication app, string alias,
        string url = "https://offer.example/lp?o=1", RedirectType type = RedirectType.Http, int? networkId = null, Action<Offer>? configure = null)
    {
        var offer = await app.AddOfferAsync(url, type, networkId, configure);
        var campaign = await app.AddCampaignAsync(alias, OffersStream("Everyone", StreamType.Default, (offer.Id, 100)));
        return (campaign, offer);
    }

    /// <summary>Every stored click, oldest first, with its decision trace in full (as the admin reads it).</summary>
    public static async Task<List<Click>> ClicksAsync(this TrackerApplication app)
    {
        await using var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        var clicks = await db.Clicks.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        foreach (var click in clicks) await TraceLines.ResolveAsync(db, click, CancellationToken.None);
        return clicks;
    }

    /// <summary>The subid in a Location such as <c>...sub1=abc</c>.</summary>
    public static string SubIdFrom(Uri? location, string parameter = "sub1")
    {
        Assert.NotNull(location);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.True(query.TryGetValue(parameter, out var value), $"no {parameter} in {location}");
        return value.ToString();
    }

    private sealed class ClientIpFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(ClientIpHeader, out var ip) && IPAddress.TryParse(ip, out var address))
                    http.Connection.RemoteIpAddress = address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
