using System.Net;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Integration;

public sealed class AdminAccountTests
{
    private static readonly string[] AdminPages =
        ["/admin", "/admin/networks", "/admin/groups", "/admin/settings", "/admin/account"];

    [Fact]
    public async Task FirstRunSetupCreatesTheAccountAndCannotBeReplayed()
    {
        await using var app = new TrackerApplication();
        var first = AdminFormClient.Create(app);
        var created = await first.SetupAsync();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin/networks")).StatusCode);

        // A second visitor finds no setup form any more, and posting one anyway creates nothing.
        var intruder = AdminFormClient.Create(app);
        var setupPage = await intruder.GetAsync("/admin/setup");
        Assert.Equal(HttpStatusCode.Redirect, setupPage.StatusCode);
        Assert.StartsWith("/admin/login", PathOf(setupPage));
        var replay = await intruder.PostFormAsync("/admin/login", "/admin/setup",
            new() { ["userName"] = "intruder", ["password"] = "another long password", ["confirm"] = "another long password" });
        Assert.Equal("/admin/login", replay.Headers.Location?.OriginalString);
        var login = await intruder.LoginAsync("intruder", "another long password");
        Assert.Contains("error=", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin/settings")).StatusCode);
    }

    [Fact]
    public async Task SetupRefusesAShortPasswordAndCreatesNoAccount()
    {
        await using var app = new TrackerApplication();
        var client = AdminFormClient.Create(app);
        var response = await client.SetupAsync(password: "short");
        Assert.StartsWith("/admin/setup?error=", response.Headers.Location?.OriginalString);
        Assert.Contains("at least", Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
        Assert.Equal("/admin/setup", (await client.GetAsync("/admin/networks")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task EveryAdminPageAndTheCircuitRequireLogin()
    {
        await using var app = new TrackerApplication();
        await AdminFormClient.Create(app).SetupAsync();
        var anonymous = AdminFormClient.Create(app);
        foreach (var page in AdminPages)
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/login", PathOf(response));
        }
        var negotiate = await anonymous.Http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        var passwordChange = await anonymous.Http.PostAsync("/admin/account/password", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, passwordChange.StatusCode);
        Assert.DoesNotContain("changed=true", passwordChange.Headers.Location?.OriginalString ?? "");

        var admin = AdminFormClient.Create(app);
        await admin.LoginAsync();
        foreach (var page in AdminPages)
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).StatusCode);
        var circuit = await admin.Http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, circuit.StatusCode);
    }

    [Fact]
    public async Task WrongPasswordSendsBackToLoginWithAnError()
    {
        await using var app = new TrackerApplication();
        await AdminFormClient.Create(app).SetupAsync();
        var client = AdminFormClient.Create(app);
        var response = await client.LoginAsync(password: "not the password");
        Assert.Equal("/admin/login?error=" + Uri.EscapeDataString("Wrong user name or password."), response.Headers.Location?.OriginalString);
        var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Wrong user name or password.", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/networks")).StatusCode);
    }

    [Fact]
    public async Task RepeatedFailedLoginsLockTheAddressOutEvenWithTheRightPassword()
    {
        await using var app = new TrackerApplication(new() { ["Tracker:MaxFailedLogins"] = "3" });
        await AdminFormClient.Create(app).SetupAsync();
        var client = AdminFormClient.Create(app);
        for (var i = 0; i < 3; i++)
            Assert.Contains("Wrong", Uri.UnescapeDataString((await client.LoginAsync(password: "guess " + i)).Headers.Location!.OriginalString));

        var locked = await client.LoginAsync();
        Assert.Contains("Too many failed attempts", Uri.UnescapeDataString(locked.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/networks")).StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordSignsOutOtherSessionsAndKeepsThisOne()
    {
        await using var app = new TrackerApplication();
        var me = AdminFormClient.Create(app);
        await me.SetupAsync();
        var otherBrowser = AdminFormClient.Create(app);
        await otherBrowser.LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await otherBrowser.GetAsync("/admin/settings")).StatusCode);

        const string newPassword = "a brand new passphrase";
        var changed = await me.ChangePasswordAsync(AdminFormClient.Password, newPassword);
        Assert.Equal("/admin/account?changed=true", changed.Headers.Location?.OriginalString);
        var confirmation = await me.GetAsync("/admin/account?changed=true");
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("Password changed", await confirmation.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // The other browser's cookie carries the old security stamp: rejected.
        var rejected = await otherBrowser.GetAsync("/admin/settings");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.StartsWith("/admin/login", PathOf(rejected));

        // Old password no longer works, the new one does.
        var fresh = AdminFormClient.Create(app);
        Assert.Contains("error=", (await fresh.LoginAsync()).Headers.Location?.OriginalString);
        Assert.Equal("/admin", (await fresh.LoginAsync(password: newPassword)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PasswordChangeWithAWrongCurrentPasswordOrMismatchChangesNothing()
    {
        await using var app = new TrackerApplication();
        var me = AdminFormClient.Create(app);
        await me.SetupAsync();

        var wrongCurrent = await me.ChangePasswordAsync("not my password", "a brand new passphrase");
        Assert.Contains("The current password is not correct.", Uri.UnescapeDataString(wrongCurrent.Headers.Location!.OriginalString));
        var mismatch = await me.ChangePasswordAsync(AdminFormClient.Password, "a brand new passphrase", "a different passphrase");
        Assert.Contains("do not match", Uri.UnescapeDataString(mismatch.Headers.Location!.OriginalString));
        var page = await me.GetAsync(mismatch.Headers.Location!.OriginalString);
        Assert.Contains("do not match", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/admin/networks")).StatusCode);
        Assert.Equal("/admin", (await AdminFormClient.Create(app).LoginAsync()).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LoginPageSendsAnAdminWhoIsStillLoggedInBackToTheirPage()
    {
        await using var app = new TrackerApplication();
        var me = AdminFormClient.Create(app);
        await me.SetupAsync();
        var response = await me.GetAsync("/admin/login?returnUrl=%2Fadmin%2Fgroups");
        Assert.Equal("/admin/groups", PathOf(response));
        Assert.Equal("/admin", PathOf(await me.GetAsync("/admin/login?returnUrl=https%3A%2F%2Fevil.example%2F")));
    }

    [Fact]
    public async Task LogoutEndsTheSession()
    {
        await using var app = new TrackerApplication();
        var me = AdminFormClient.Create(app);
        await me.SetupAsync();
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/admin/groups")).StatusCode);

        var loggedOut = await me.LogoutAsync();
        Assert.Equal("/admin/login", loggedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await me.GetAsync("/admin/groups")).StatusCode);
    }

    /// <summary>Where a redirect points, as a path and query, whether the Location is absolute or relative.</summary>
    private static string PathOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} without a Location header");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
