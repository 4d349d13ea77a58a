using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Tracker.Web.Security;

/// <summary>
/// The authentication state of an open Blazor circuit. A circuit keeps the principal it started with,
/// so without this an admin tab opened before a password change would stay usable after it. The
/// circuit is re-checked against the account's security stamp at once when the password changes and
/// every few minutes anyway; a stale circuit becomes anonymous and is sent to the login page.
/// </summary>
public sealed class AdminSessionRevalidator : RevalidatingServerAuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> Anonymous =
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly AdminAccount _account;
    private readonly ILogger _logger;

    public AdminSessionRevalidator(ILoggerFactory loggerFactory, AdminAccount account) : base(loggerFactory)
    {
        _account = account;
        _logger = loggerFactory.CreateLogger<AdminSessionRevalidator>();
        _account.SecurityStampChanged += OnStampChanged;
    }

    private static readonly TimeSpan OwnTabGrace = TimeSpan.FromSeconds(2);

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(5);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        await IsCurrentAsync(state.User, ct);

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var id = AdminAuthentication.UserId(principal);
        var stamp = principal.FindFirstValue(AdminAuthentication.StampClaim);
        if (id is null || stamp is null) return false;
        var user = await _account.FindAsync(id.Value, ct);
        return user is not null && user.SecurityStamp == stamp;
    }

    private async void OnStampChanged(int userId)
    {
        // async void because it is an event handler: every exception is caught and logged here.
        try
        {
            // The tab that changed the password is still connected while its form post is under way;
            // signing its circuit out at once would navigate it to the login page and abort that post
            // (and the re-issued cookie with it). Its page is gone after the short wait; other tabs are not.
            await Task.Delay(OwnTabGrace);
            var state = await GetAuthenticationStateAsync();
            if (AdminAuthentication.UserId(state.User) == userId && !await IsCurrentAsync(state.User, CancellationToken.None))
                SetAuthenticationState(Anonymous);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not re-check an open admin session after a password change");
        }
    }

    protected override void Dispose(bool disposing)
    {
        _account.SecurityStampChanged -= OnStampChanged;
        base.Dispose(disposing);
    }
}
