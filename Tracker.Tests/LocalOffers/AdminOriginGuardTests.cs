using System.Net;
using Tracker.Tests.Infrastructure;
using static Tracker.Tests.LocalOffers.LocalOfferTesting;

namespace Tracker.Tests.LocalOffers;

public sealed class AdminOriginGuardTests
{
    [Theory]
    [InlineData("null")]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("file://")]
    public async Task StateChangingAdminRequestsFromAnotherOriginAreRefused(string origin)
    {
        await using var app = new TrackerApplication();
        var offer = await app.CreateOfferAsync();
        var api = app.CreateApiClient();

        foreach (var (method, path) in new[] { (HttpMethod.Post, $"/api/v1/offers/{offer.Id}/archive"), (HttpMethod.Delete, $"/api/v1/offers/{offer.Id}/archive"), (HttpMethod.Post, "/admin/logout"), (HttpMethod.Post, $"/admin/offers/{offer.Id}/archive"), (HttpMethod.Post, "/_blazor/negotiate") })
        {
            using var request = new HttpRequestMessage(method, path) { Content = ArchiveForm(TestArchive.Landing().ToBytes()) };
            request.Headers.Add("Origin", origin);
            var response = await api.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} from {origin}: {response.StatusCode}");
        }
        Assert.False((await app.ReadOfferAsync(offer.Id)).IsLocal);
    }

    [Fact]
    public async Task TheAdminsOwnOriginAndScriptsWithoutOriginPass()
    {
        await using var app = new TrackerApplication();
        var offer = await app.CreateOfferAsync();
        var api = app.CreateApiClient();

        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/offers/{offer.Id}/archive") { Content = ArchiveForm(TestArchive.Landing().ToBytes()) };
        sameOrigin.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(sameOrigin, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.UploadAsync(offer.Id, TestArchive.Landing().ToBytes())).StatusCode);
    }

    [Fact]
    public async Task ReadsFromAnotherOriginStillNeedTheKey()
    {
        await using var app = new TrackerApplication();
        var offer = await app.CreateOfferAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/offers/{offer.Id}/archive");
        request.Headers.Add("Origin", "null");

        var response = await app.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
