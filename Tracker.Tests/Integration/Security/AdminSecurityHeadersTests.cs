using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Postbacks;

namespace Tracker.Tests.Integration.Security;

/// <summary>Admin pages and the API are never framed, sniffed or downgraded; the public hot paths carry none of it.</summary>
public sealed class AdminSecurityHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient ClientFor(TrackerApplication app, string baseAddress) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = true });

    [Theory]
    [InlineData("/admin/setup")]
    [InlineData("/admin/login")]
    [InlineData("/admin/offers")]
    [InlineData("/api/v1/offers")]
    [InlineData("/api/v1/openapi.json")]
    public async Task AdminSurfacesCannotBeFramedOrSniffedAndSendNoReferrerAway(string path)
    {
        await using var app = new TrackerApplication();
        var client = ClientFor(app, "https://trk.example");

        var response = await client.GetAsync(path, Ct);

        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("'self'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("http://trk.example")]
    [InlineData("https://localhost")]
    [InlineData("https://127.0.0.1:5001")]
    public async Task NoHstsOverPlainHttpOrOnALoopbackHost(string baseAddress)
    {
        await using var app = new TrackerApplication();

        var response = await ClientFor(app, baseAddress).GetAsync("/admin/setup", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Header(response, "Strict-Transport-Security"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task TheHotPathsCarryNoneOfTheAdminHeaders()
    {
        await using var bed = await PostbackTestBed.StartAsync();
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var client = ClientFor(bed.App, "https://trk.example");

        foreach (var path in new[] { $"{bed.PostbackPath}?subid={click.SubId}", "/some-campaign", "/lo/nokey/index.html" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.Null(Header(response, "Strict-Transport-Security"));
            Assert.Null(Header(response, "X-Frame-Options"));
            Assert.Null(Header(response, "Referrer-Policy"));
        }
    }

    [Fact]
    public async Task OverHttpsTheAdminCookieIsHostPrefixedAndSecureAndItWorks()
    {
        await using var app = new TrackerApplication();
        var admin = new AdminFormClient(ClientFor(app, "https://trk.example"));

        var setup = await admin.SetupAsync();

        var cookie = Assert.Single(setup.Headers.GetValues("Set-Cookie"), c => c.Contains("tracker_admin", StringComparison.Ordinal));
        Assert.StartsWith("__Host-tracker_admin=", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        // The browser sends it back and the admin is signed in.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/account")).StatusCode);
        // Logging out deletes the prefixed cookie, not another one.
        var logout = await admin.LogoutAsync();
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-tracker_admin=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/admin/account")).StatusCode);
    }

    [Fact]
    public async Task OverPlainHttpTheCookieKeepsItsPlainNameSoLocalRunsWork()
    {
        await using var app = new TrackerApplication();
        var admin = new AdminFormClient(ClientFor(app, "http://localhost"));

        var setup = await admin.SetupAsync();

        var cookie = Assert.Single(setup.Headers.GetValues("Set-Cookie"), c => c.Contains("tracker_admin", StringComparison.Ordinal));
        Assert.StartsWith("tracker_admin=", cookie);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/account")).StatusCode);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
