using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Data;
using Tracker.Web.Security;

namespace Tracker.Tests.Integration.Security;

/// <summary>
/// The operator's unlock path, run as the operator would: <c>dotnet Tracker.Web.dll admin …</c> in its own
/// process, on the data directory of a tracker that is running.
/// </summary>
public sealed class AdminCommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reset2faLetsALockedOutAdminLogInWithThePasswordAlone()
    {
        await using var bed = await TwoFactorBed.StartAsync();
        Assert.Equal(AccountEndpoints.CodePage, (await AdminFormClient.Create(bed.App).LoginAsync()).Headers.Location?.OriginalString);

        var (exit, output, error) = await RunAsync(bed.App.DataDirectory, "admin", "reset-2fa");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("Two-factor login is now off for 'admin'", output);
        Assert.False((await bed.App.Service<TwoFactor>().StatusAsync(bed.UserId, Ct)).Enabled);
        Assert.Equal("/admin", (await AdminFormClient.Create(bed.App).LoginAsync()).Headers.Location?.OriginalString);
        await using var db = await bed.App.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct);
        Assert.Empty(await db.AdminRecoveryCodes.ToListAsync(Ct));
        // Every session that existed before the command was revoked (the login above made a new one).
        Assert.Equal(1, await db.AdminSessions.CountAsync(s => s.RevokedAt == null, Ct));
    }

    [Fact]
    public async Task ResetPasswordPrintsANewPasswordThatWorksAndTheOldOneNoLonger()
    {
        await using var app = new TrackerApplication();
        await AdminFormClient.Create(app).SetupAsync();

        var (exit, output, error) = await RunAsync(app.DataDirectory, "admin", "reset-password");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var at = Array.FindIndex(lines, l => l.StartsWith("New password for 'admin'", StringComparison.Ordinal));
        Assert.True(at >= 0, output);
        var password = lines[at + 1];
        Assert.Matches("^[a-z2-7]{5}(-[a-z2-7]{5}){3}$", password);
        Assert.Contains("Wrong", Uri.UnescapeDataString((await AdminFormClient.Create(app).LoginAsync()).Headers.Location!.OriginalString));
        Assert.Equal("/admin", (await AdminFormClient.Create(app).LoginAsync(password: password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ClearAllowListEmptiesTheAdminIpAllowList()
    {
        await using var app = new TrackerApplication();
        var store = app.Service<AdminAccessStore>();
        var (result, _, _) = await store.SaveAsync(["203.0.113.0/24"], 1, IPAddress.Parse("203.0.113.9"), force: false, Ct);
        Assert.Equal(AdminAccessSaveResult.Saved, result);

        var (exit, output, error) = await RunAsync(app.DataDirectory, "admin", "clear-allow-list");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("now empty", output);
        await using var db = await app.Service<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal("", (await db.AdminAccess.SingleAsync(Ct)).AllowList);
    }

    [Fact]
    public async Task AnUnknownCommandPrintsTheUsageAndFails()
    {
        await using var app = new TrackerApplication();
        var (exit, _, error) = await RunAsync(app.DataDirectory, "admin", "make-me-admin");
        Assert.Equal(2, exit);
        Assert.Contains("Unknown command 'make-me-admin'", error);
        Assert.Contains("reset-2fa", error);
    }

    [Fact]
    public async Task ACommandWithoutAnAccountSaysSo()
    {
        await using var app = new TrackerApplication();
        _ = app.Services; // starts the host: the database exists, no account yet
        var (exit, _, error) = await RunAsync(app.DataDirectory, "admin", "reset-2fa");
        Assert.Equal(1, exit);
        Assert.Contains("no admin account yet", error);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string dataDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tracker.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--Tracker:DataDirectory=" + dataDirectory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
