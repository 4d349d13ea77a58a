using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Data;
using Tracker.Web.Security;

namespace Tracker.Tests.Integration.Security;

/// <summary>Two-factor login over the real login forms, with the authenticator app played by Otp.NET and a fake clock.</summary>
public sealed class TwoFactorLoginTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePasswordAloneIsNotALoginOnceTwoFactorIsOn()
    {
        await using var bed = await TwoFactorBed.StartAsync();
        var client = AdminFormClient.Create(bed.App);

        var password = await client.LoginAsync();
        Assert.Equal(AccountEndpoints.CodePage, password.Headers.Location?.OriginalString);
        Assert.DoesNotContain(password.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AdminAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/groups")).StatusCode);
        var codePage = await client.GetAsync(AccountEndpoints.CodePage);
        Assert.Contains("6-digit code", await codePage.Content.ReadAsStringAsync(Ct));

        var wrong = await bed.SubmitCodeAsync(client, "123456" == bed.Code() ? "654321" : "123456");
        Assert.StartsWith(AccountEndpoints.CodePage + "?error=", wrong.Headers.Location?.OriginalString);
        Assert.Contains("not valid", Uri.UnescapeDataString(wrong.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/groups")).StatusCode);

        var right = await bed.SubmitCodeAsync(client, bed.Code());
        Assert.Equal("/admin", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/groups")).StatusCode);
    }

    [Fact]
    public async Task ACodeIsAcceptedOnceEvenWithinItsWindow()
    {
        await using var bed = await TwoFactorBed.StartAsync();
        var code = bed.Code();
        Assert.Equal("/admin", (await bed.LoginAsync(code)).Location);

        // The same code a second later (a shoulder-surfer, a replayed form post): refused.
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var replay = await bed.LoginAsync(code);
        Assert.Contains("not valid", replay.Error);
        Assert.False(replay.LoggedIn);
        // So is the code of the step before, though it is still inside the ±1 window.
        var older = await bed.LoginAsync(bed.Code(steps: -1));
        Assert.False(older.LoggedIn);
        // The next step's code is new: accepted.
        bed.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await bed.LoginAsync(bed.Code())).LoggedIn);
    }

    [Fact]
    public async Task CodesOneStepEitherSideOfTheServerClockAreAcceptedTwoStepsAreNot()
    {
        await using var bed = await TwoFactorBed.StartAsync();
        Assert.False((await bed.LoginAsync(bed.Code(steps: -2))).LoggedIn);
        Assert.True((await bed.LoginAsync(bed.Code(steps: -1))).LoggedIn);
        Assert.False((await bed.LoginAsync(bed.Code(steps: +2))).LoggedIn);
        Assert.True((await bed.LoginAsync(bed.Code(steps: +1))).LoggedIn);
    }

    [Fact]
    public async Task ARecoveryCodeLogsInOnceThenNeverAgain()
    {
        await using var bed = await TwoFactorBed.StartAsync();
        var recovery = bed.RecoveryCodes[3];
        Assert.Matches("^[a-z2-7]{5}-[a-z2-7]{5}$", recovery);

        // As people type it: upper case, without the dash, with spaces around.
        var typed = " " + recovery.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() + " ";
        Assert.True((await bed.LoginAsync(typed)).LoggedIn);
        Assert.False((await bed.LoginAsync(recovery)).LoggedIn);
        Assert.True((await bed.LoginAsync(bed.RecoveryCodes[4])).LoggedIn);

        var status = await bed.App.Service<TwoFactor>().StatusAsync(bed.UserId, Ct);
        Assert.Equal(TwoFactor.RecoveryCodeCount - 2, status.RecoveryCodesLeft);
    }

    [Fact]
    public async Task WrongCodesAreThrottledLikeWrongPasswords()
    {
        await using var bed = await TwoFactorBed.StartAsync(new() { ["Tracker:MaxFailedLogins"] = "3" });
        var client = AdminFormClient.Create(bed.App);
        await client.LoginAsync();
        for (var i = 0; i < 3; i++)
            Assert.Contains("not valid", Uri.UnescapeDataString((await bed.SubmitCodeAsync(client, $"00000{i}")).Headers.Location!.OriginalString));

        var locked = await bed.SubmitCodeAsync(client, bed.Code());
        Assert.Contains("Too many failed attempts", Uri.UnescapeDataString(locked.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/groups")).StatusCode);
        // Entering the password again does not reset the count.
        Assert.Contains("Too many failed attempts", Uri.UnescapeDataString((await client.LoginAsync()).Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task TheCodeMustFollowThePasswordWithinFiveMinutes()
    {
        await using var bed = await TwoFactorBed.StartAsync();
        var client = AdminFormClient.Create(bed.App);
        await client.LoginAsync();
        var page = await client.GetAsync(AccountEndpoints.CodePage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = await AdminFormClient.TokenFromAsync(page);

        bed.Clock.Advance(PendingLogin.Lifetime + TimeSpan.FromSeconds(1));
        var late = await client.Http.PostAsync(AccountEndpoints.CodePage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = bed.Code(),
            ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.StartsWith("/admin/login?error=", late.Headers.Location?.OriginalString);
        Assert.Contains("timed out", Uri.UnescapeDataString(late.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/groups")).StatusCode);
    }

    [Fact]
    public async Task TheCodePageWithoutThePasswordStepSendsToTheLoginPage()
    {
        await using var bed = await TwoFactorBed.StartAsync();
        var stranger = AdminFormClient.Create(bed.App);
        var page = await stranger.GetAsync(AccountEndpoints.CodePage);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/login?error=", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task TheSecretIsEncryptedAtRestAndOnlyHashesOfRecoveryCodesAreStored()
    {
        await using var bed = await TwoFactorBed.StartAsync();
        await using var db = await bed.App.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct);
        var user = await db.AdminUsers.AsNoTracking().SingleAsync(Ct);
        Assert.NotNull(user.TotpSecret);
        Assert.DoesNotContain(bed.Secret, user.TotpSecret, StringComparison.OrdinalIgnoreCase);
        var hashes = await db.AdminRecoveryCodes.AsNoTracking().Select(c => c.Hash).ToListAsync(Ct);
        Assert.Equal(TwoFactor.RecoveryCodeCount, hashes.Count);
        foreach (var code in bed.RecoveryCodes)
            Assert.DoesNotContain(hashes, h => h.Contains(code.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TurningTwoFactorOffNeedsAValidCodeAndThenThePasswordIsEnoughAgain()
    {
        await using var bed = await TwoFactorBed.StartAsync();
        var twoFactor = bed.App.Service<TwoFactor>();
        Assert.NotNull(await twoFactor.DisableAsync(bed.UserId, "000000", Ct));
        Assert.True((await twoFactor.StatusAsync(bed.UserId, Ct)).Enabled);

        Assert.Null(await twoFactor.DisableAsync(bed.UserId, bed.Code(), Ct));
        Assert.False((await twoFactor.StatusAsync(bed.UserId, Ct)).Enabled);
        Assert.Equal("/admin", (await AdminFormClient.Create(bed.App).LoginAsync()).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task NewRecoveryCodesReplaceTheOldOnes()
    {
        await using var bed = await TwoFactorBed.StartAsync();
        var (fresh, error) = await bed.App.Service<TwoFactor>().RegenerateRecoveryCodesAsync(bed.UserId, bed.Code(), Ct);
        Assert.Null(error);
        Assert.Equal(TwoFactor.RecoveryCodeCount, fresh!.Count);
        Assert.False((await bed.LoginAsync(bed.RecoveryCodes[0])).LoggedIn);
        Assert.True((await bed.LoginAsync(fresh[0])).LoggedIn);
    }

    [Fact]
    public async Task EnrolmentIsRefusedWithACodeFromAnotherSecret()
    {
        await using var app = new TrackerApplication();
        await AdminFormClient.Create(app).SetupAsync();
        var userId = (await app.Service<AdminAccount>().VerifyAsync(AdminFormClient.UserName, AdminFormClient.Password, Ct))!.Id;
        var enrolment = TwoFactor.BeginEnrolment(AdminFormClient.UserName);
        Assert.StartsWith("otpauth://totp/Tracker:admin?secret=" + enrolment.Secret, enrolment.Uri);
        Assert.StartsWith("data:image/png;base64,", enrolment.QrCodeDataUri);

        var other = new Totp(KeyGeneration.GenerateRandomKey(20)).ComputeTotp(DateTime.UtcNow);
        var (codes, error) = await app.Service<TwoFactor>().EnableAsync(userId, enrolment.Secret, other, Ct);
        Assert.Null(codes);
        Assert.Contains("does not match", error);
        Assert.False((await app.Service<TwoFactor>().StatusAsync(userId, Ct)).Enabled);
    }
}

/// <summary>A host with the admin account enrolled in two-factor login, the clock in the middle of a fresh TOTP step.</summary>
internal sealed class TwoFactorBed : IAsyncDisposable
{
    private TwoFactorBed(TrackerApplication app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
    }

    public TrackerApplication App { get; }
    public FakeTimeProvider Clock { get; }
    public string Secret { get; private set; } = "";
    public int UserId { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    private Totp _totp = null!;

    public static async Task<TwoFactorBed> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(now.AddSeconds(15 - now.ToUnixTimeSeconds() % 30));
        var app = new TrackerApplication(settings) { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var bed = new TwoFactorBed(app, clock);
        await AdminFormClient.Create(app).SetupAsync();
        bed.UserId = (await app.Service<AdminAccount>().VerifyAsync(AdminFormClient.UserName, AdminFormClient.Password))!.Id;
        var enrolment = TwoFactor.BeginEnrolment(AdminFormClient.UserName);
        bed.Secret = enrolment.Secret;
        bed._totp = new Totp(Base32Encoding.ToBytes(enrolment.Secret));
        var (codes, error) = await app.Service<TwoFactor>().EnableAsync(bed.UserId, enrolment.Secret, bed.Code());
        Assert.True(codes is not null, error);
        bed.RecoveryCodes = codes;
        // Enrolment used this step's code; the tests start two steps later, so even "one step ago" is unused.
        clock.Advance(TimeSpan.FromSeconds(60));
        return bed;
    }

    /// <summary>The code the app shows now, or <paramref name="steps"/> 30-second steps away.</summary>
    public string Code(int steps = 0) => _totp.ComputeTotp(Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    public Task<HttpResponseMessage> SubmitCodeAsync(AdminFormClient client, string code) =>
        client.PostFormAsync(AccountEndpoints.CodePage, AccountEndpoints.CodePage, new() { ["code"] = code });

    /// <summary>Password then code in a fresh browser; where it ended up.</summary>
    public async Task<(bool LoggedIn, string? Location, string Error)> LoginAsync(string code)
    {
        var client = AdminFormClient.Create(App);
        var password = await client.LoginAsync();
        Assert.Equal(AccountEndpoints.CodePage, password.Headers.Location?.OriginalString);
        var answer = await SubmitCodeAsync(client, code);
        var location = answer.Headers.Location?.OriginalString;
        var loggedIn = (await client.GetAsync("/admin/groups")).StatusCode == HttpStatusCode.OK;
        return (loggedIn, location, Uri.UnescapeDataString(location ?? ""));
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
