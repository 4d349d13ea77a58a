using Microsoft.EntityFrameworkCore;
using Tracker.Core.Security;
using Tracker.Web.Data;

namespace Tracker.Web.Security;

/// <summary>
/// The unlock path for an operator with a shell on the server, run instead of the web host:
/// <c>dotnet Tracker.Web.dll admin &lt;command&gt;</c>. It reads the same configuration as the server
/// (appsettings.json, <c>Tracker__*</c> environment variables, <c>--Tracker:DataDirectory=…</c>), so it
/// works on the same database; the server may keep running (it notices within half a minute).
/// </summary>
public static class AdminCli
{
    public const string Verb = "admin";

    private const string Usage = """
        Usage: dotnet Tracker.Web.dll admin <command> [--Tracker:DataDirectory=<dir>]

        Commands (for the operator of the server, when the admin cannot log in):
          reset-2fa          Turn two-factor login off for the admin account (the phone or the recovery codes
                             are lost). The password stays; every session is signed out.
          reset-password     Set a new random password for the admin account and print it once. Two-factor
                             login stays as it is; every session is signed out.
          clear-allow-list   Empty the admin IP allow-list (Settings → Admin access by IP address), so every
                             address may reach the admin login again.
          sign-out-all       Sign out every session of the admin account.
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>Runs the command; the exit code is 0 on success, 1 when it could not be done, 2 for a usage error.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var command = args.Length > 1 ? args[1] : "";
        var hostArgs = args.Skip(2).ToArray();
        if (command is not ("reset-2fa" or "reset-password" or "clear-allow-list" or "sign-out-all"))
        {
            await (command is "" or "help" or "--help" ? output : error).WriteLineAsync(
                (command is "" or "help" or "--help" ? "" : $"Unknown command '{command}'.\n\n") + Usage);
            return command is "help" or "--help" ? 0 : 2;
        }

        var builder = WebApplication.CreateBuilder(hostArgs);
        // Only warnings from the host's logging: its lines would interleave with the command's answer.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Warning" });
        builder.AddTracker();
        await using var app = builder.Build();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options.TrackerOptions>>().Value;
        if (!File.Exists(options.DatabasePath))
        {
            await error.WriteLineAsync($"No database at {options.DatabasePath}. Is the data directory right? Pass --Tracker:DataDirectory=<dir> or set Tracker__DataDirectory.");
            return 1;
        }
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var contextFactory = app.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        await using var db = await contextFactory.CreateDbContextAsync();

        if (command == "clear-allow-list")
        {
            var cleared = await AdminAccessStore.ClearAsync(db);
            await output.WriteLineAsync(cleared > 0
                ? "The admin IP allow-list is now empty: every address may reach the admin login. A running server applies this within 30 seconds."
                : "The admin IP allow-list was already empty.");
            return 0;
        }

        var user = await db.AdminUsers.OrderBy(u => u.Id).FirstOrDefaultAsync();
        if (user is null)
        {
            await error.WriteLineAsync("There is no admin account yet: open /admin/setup in a browser to create it.");
            return 1;
        }
        var sessions = app.Services.GetRequiredService<AdminSessions>();
        switch (command)
        {
            case "reset-2fa":
                await TwoFactor.ResetAsync(db, user.Id);
                await sessions.RevokeAllAsync(user.Id);
                await output.WriteLineAsync($"Two-factor login is now off for '{user.UserName}', its recovery codes are deleted and every session is signed out. "
                    + "Log in with the password, then set up two-factor login again on the Account page.");
                return 0;
            case "reset-password":
                var password = NewPassword();
                var errors = await AdminAccount.ResetPasswordAsync(db, user, password);
                if (!errors.IsValid)
                {
                    await error.WriteLineAsync(string.Join(" ", errors.ToDictionary().Values.SelectMany(v => v)));
                    return 1;
                }
                await sessions.RevokeAllAsync(user.Id);
                await output.WriteLineAsync($"New password for '{user.UserName}' (shown once; change it on the Account page after logging in):");
                await output.WriteLineAsync(password);
                await output.WriteLineAsync("Every session was signed out." + (user.TotpEnabledAt is null ? "" : " Two-factor login is still on: the login asks for a code after the password."));
                return 0;
            default: // sign-out-all
                var count = await sessions.RevokeAllAsync(user.Id);
                await output.WriteLineAsync($"{count} session(s) of '{user.UserName}' signed out. A running server applies this within 30 seconds.");
                return 0;
        }
    }

    /// <summary>Four groups of five random characters: 100 bits, easy to type once.</summary>
    private static string NewPassword()
    {
        var token = SecureToken.Create(13)[..20];
        return string.Join('-', Enumerable.Range(0, 4).Select(i => token.Substring(i * 5, 5)));
    }
}
