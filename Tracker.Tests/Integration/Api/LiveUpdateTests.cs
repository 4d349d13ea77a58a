using System.Net;
using System.Threading.Channels;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Live;

namespace Tracker.Tests.Integration.Api;

/// <summary>Saves through the API reach open admin tabs the same way UI saves do: through the change feed.</summary>
public sealed class LiveUpdateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiSavesAreAnnouncedOnTheChangeFeed()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var groupId = await client.CreateGroupAsync("Casino");
        var networkId = await client.CreateNetworkAsync("Affise");
        var offerId = await client.CreateOfferAsync("Casino DE");

        var notices = Channel.CreateUnbounded<ChangeNotice>();
        using var subscription = app.Service<ChangeFeed>().Subscribe(n => notices.Writer.WriteAsync(n, Ct).AsTask());

        var offer = await client.GetObjectAsync($"/api/v1/offers/{offerId}");
        offer["name"] = "Casino DE (VIP)";
        await (await client.PutJsonAsync($"/api/v1/offers/{offerId}", offer)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(new ChangeNotice(ChangeNotice.Offer, offerId, 2), await NextAsync(notices));

        var network = await client.GetObjectAsync($"/api/v1/affiliate-networks/{networkId}");
        network["notes"] = "new manager";
        await (await client.PutJsonAsync($"/api/v1/affiliate-networks/{networkId}", network)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(new ChangeNotice(ChangeNotice.Network, networkId, 2), await NextAsync(notices));

        await (await client.PutJsonAsync($"/api/v1/groups/{groupId}", """{ "name": "Casino EU", "version": 1 }""")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(new ChangeNotice(ChangeNotice.Group, groupId, 2), await NextAsync(notices));

        await (await client.PutJsonAsync("/api/v1/settings", """{ "baseCurrency": "EUR", "timeZone": "UTC", "version": 1 }""")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(new ChangeNotice(ChangeNotice.Settings, 1, 2), await NextAsync(notices));

        await (await client.DeleteAsync($"/api/v1/offers/{offerId}", Ct)).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(new ChangeNotice(ChangeNotice.Offer, offerId, 0, Deleted: true), await NextAsync(notices));
    }

    [Fact]
    public async Task RefusedSavesAnnounceNothing()
    {
        await using var app = new TrackerApplication();
        var client = app.CreateApiClient();
        var offerId = await client.CreateOfferAsync("Casino DE");

        var notices = Channel.CreateUnbounded<ChangeNotice>();
        using var subscription = app.Service<ChangeFeed>().Subscribe(n => notices.Writer.WriteAsync(n, Ct).AsTask());

        await (await client.PutJsonAsync($"/api/v1/offers/{offerId}", """{ "name": "", "url": "https://a.example/", "version": 1 }""")).ExpectValidationProblemAsync();
        await (await client.PutJsonAsync($"/api/v1/offers/{offerId}", """{ "name": "Stale", "url": "https://a.example/", "version": 7 }""")).ExpectProblemAsync(HttpStatusCode.Conflict);
        // A save that is announced, as a marker: nothing may have been queued before it.
        await client.CreateGroupAsync("Marker");
        Assert.Equal(ChangeNotice.Group, (await NextAsync(notices)).Kind);
    }

    private static async Task<ChangeNotice> NextAsync(Channel<ChangeNotice> notices)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await notices.Reader.ReadAsync(timeout.Token);
    }
}
