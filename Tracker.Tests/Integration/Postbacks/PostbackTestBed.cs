using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Conversions;
using Tracker.Web.Data;
using Tracker.Web.Services;

namespace Tracker.Tests.Integration.Postbacks;

/// <summary>
/// The real host on a real SQLite file with a fake clock, and a campaign, a network, offers and clicks
/// seeded straight into the database (as the click path would have stored them).
/// </summary>
public sealed class PostbackTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private PostbackTestBed(TrackerApplication app, FakeTimeProvider clock, bool realHttp)
    {
        App = app;
        Clock = clock;
        Client = realHttp ? app.CreateKestrelClient() : app.CreateClient();
    }

    public TrackerApplication App { get; }
    public FakeTimeProvider Clock { get; }
    public HttpClient Client { get; }
    public int CampaignId { get; private set; }
    public int NetworkId { get; private set; }

    public string PostbackKey => App.Service<SettingsStore>().Current.PostbackKey;
    public string PostbackPath => $"/{PostbackKey}/postback";
    public ConversionCapCounter Counter => App.Service<ConversionCapCounter>();

    /// <param name="dataDirectory">A directory to reuse across starts (to test restarts); a fresh one otherwise.</param>
    /// <param name="realHttp">Serve over Kestrel on a loopback port (for what only a real server does: chunked
    /// bodies, body size limits, broken requests) instead of the in-memory test server.</param>
    public static async Task<PostbackTestBed> StartAsync(DateTimeOffset? now = null, string? dataDirectory = null, bool realHttp = false)
    {
        var clock = new FakeTimeProvider(now ?? DefaultStart);
        var settings = dataDirectory is null ? null : new Dictionary<string, string?> { ["Tracker:DataDirectory"] = dataDirectory };
        var app = new TrackerApplication(settings)
        {
            ConfigureTestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        var bed = new PostbackTestBed(app, clock, realHttp);
        await bed.SeedBasicsAsync();
        return bed;
    }

    private async Task SeedBasicsAsync() =>
        (CampaignId, NetworkId) = await TrackerSeed.BasicsAsync(App.Services, Now);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public async Task<TrackerDbContext> NewDbAsync() =>
        await App.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();

    /// <summary>A CPA offer with a fixed 10 USD payout unless <paramref name="configure"/> says otherwise.</summary>
    public Task<Offer> AddOfferAsync(Action<Offer>? configure = null) => TrackerSeed.OfferAsync(App.Services, NetworkId, Now, configure);

    public async Task UpdateOfferAsync(Offer offer)
    {
        await using (var db = await NewDbAsync())
        {
            db.Offers.Update(offer);
            await db.SaveChangesAsync();
        }
        await TrackerSeed.OfferSavedAsync(App.Services, offer);
    }

    /// <summary>A click on the offer (or on none), stored as the click path stores it.</summary>
    public Task<Click> AddClickAsync(Offer? offer, Action<Click>? configure = null) => TrackerSeed.ClickAsync(App.Services, CampaignId, offer, Now, configure);

    public async Task SetExchangeRatesAsync(string baseCurrency, Dictionary<string, decimal> rates, string timeZone = "UTC")
    {
        var store = App.Service<SettingsStore>();
        var edited = new Tracker.Core.Settings.TrackerSettings
        {
            BaseCurrency = baseCurrency,
            TimeZone = timeZone,
            ExchangeRates = rates,
            Version = store.Current.Version,
        };
        Assert.True(await store.SaveAsync(edited));
    }

    public Task<HttpResponseMessage> GetAsync(string query) =>
        Client.GetAsync($"{PostbackPath}?{query}", TestContext.Current.CancellationToken);

    public async Task<(HttpResponseMessage Response, string Body)> SendAsync(string query)
    {
        var response = await GetAsync(query);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async Task<Conversion?> ConversionAsync(string subId)
    {
        await using var db = await NewDbAsync();
        return await db.Conversions.AsNoTracking().SingleOrDefaultAsync(c => c.SubId == subId);
    }

    public async Task<List<ConversionTransaction>> TransactionsAsync(string subId)
    {
        await using var db = await NewDbAsync();
        return await db.ConversionTransactions.AsNoTracking().Where(t => t.SubId == subId).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task<List<PostbackLogEntry>> LogAsync(string? subId = null)
    {
        await using var db = await NewDbAsync();
        var query = db.PostbackLog.AsNoTracking();
        if (subId is not null) query = query.Where(p => p.SubId == subId);
        return await query.OrderBy(p => p.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
