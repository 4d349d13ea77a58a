using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Data;
using Tracker.Web.Security;

namespace Tracker.Tests.Integration.Security;

/// <summary>Sessions live on the server: logging out (or signing out everywhere) makes every copy of the cookie worthless.</summary>
public sealed class AdminSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACopyOfTheCookieTakenBeforeLogoutGetsNoAdminAccessAfterIt()
    {
        await using var app = new TrackerApplication();
        await AdminFormClient.Create(app).SetupAsync();
        var me = AdminFormClient.Create(app);
        var login = await me.LoginAsync();
        var stolen = LoginCookie(login);

        // The copy works while the session is alive: pages and the Blazor hub.
        using var thief = WithCookie(app, stolen);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/admin/groups", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await thief.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Ct)).StatusCode);

        Assert.Equal("/admin/login", (await me.LogoutAsync()).Headers.Location?.OriginalString);

        var page = await thief.GetAsync("/admin/groups", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/login", PathOf(page));
        var hub = await thief.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
        var account = await thief.PostAsync("/admin/account/password", new FormUrlEncodedContent([]), Ct);
        Assert.NotEqual(HttpStatusCode.OK, account.StatusCode);
        Assert.DoesNotContain("changed=true", account.Headers.Location?.OriginalString ?? "");
        // The rejected cookie is also deleted in the browser that sent it.
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AdminAuthentication.CookieName + "=;", StringComparison.Ordinal));

        await using var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct);
        var sessions = await db.AdminSessions.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(2, sessions.Count); // the setup's and this login's
        Assert.Single(sessions, s => s.RevokedAt is not null);
    }

    [Fact]
    public async Task LoggingOutOneBrowserKeepsTheOthersLoggedIn()
    {
        await using var app = new TrackerApplication();
        var first = AdminFormClient.Create(app);
        await first.SetupAsync();
        var second = AdminFormClient.Create(app);
        await second.LoginAsync();

        await second.LogoutAsync();

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin/groups")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin/groups")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhereRevokesEverySessionAndEveryCopyOfItsCookie()
    {
        await using var app = new TrackerApplication();
        var me = AdminFormClient.Create(app);
        await me.SetupAsync();
        var laptop = AdminFormClient.Create(app);
        using var copy = WithCookie(app, LoginCookie(await laptop.LoginAsync()));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/admin/groups", Ct)).StatusCode);

        var userId = (await app.Service<AdminAccount>().VerifyAsync(AdminFormClient.UserName, AdminFormClient.Password, Ct))!.Id;
        Assert.Equal(2, await app.Service<AdminSessions>().CountActiveAsync(userId, Ct));
        var revoked = await app.Service<AdminSessions>().RevokeAllAsync(userId, ct: Ct);

        Assert.Equal(2, revoked);
        foreach (var client in new[] { me.Http, laptop.Http, copy })
        {
            var response = await client.GetAsync("/admin/settings", Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/login", PathOf(response));
        }
        Assert.Equal(0, await app.Service<AdminSessions>().CountActiveAsync(userId, Ct));
        // A new login works as usual.
        Assert.Equal("/admin", (await AdminFormClient.Create(app).LoginAsync()).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ACookieWhoseSessionIsGoneFromTheDatabaseIsRefusedOnceTheCacheRechecks()
    {
        // As a cookie issued before sessions were kept on the server, or one revoked by 'admin sign-out-all'
        // from the command line while the server runs: the in-memory answer is re-read after RecheckAfter.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TrackerApplication { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var me = AdminFormClient.Create(app);
        using var copy = WithCookie(app, LoginCookie(await me.SetupAsync()));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/admin/groups", Ct)).StatusCode);

        await using (var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct))
            await db.AdminSessions.ExecuteDeleteAsync(Ct);
        clock.Advance(AdminSessions.RecheckAfter + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/admin/groups", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await me.GetAsync("/admin/groups")).StatusCode);
    }

    internal static string LoginCookie(HttpResponseMessage login)
    {
        var header = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AdminAuthentication.CookieName + "=", StringComparison.Ordinal));
        return header[..header.IndexOf(';')];
    }

    internal static HttpClient WithCookie(TrackerApplication app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static string PathOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} without a Location header");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
