using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Tracker.Web.Security;

/// <summary>
/// The authentication state of an open Blazor circuit. A circuit keeps the principal it started with,
/// so without this an admin tab would stay usable after its session was logged out or revoked (logout,
/// "sign out everywhere", a password change). The circuit's session is re-checked at once when this
/// process revokes sessions and every minute anyway (revocations by the command line); a circuit whose
/// session is gone becomes anonymous and is sent to the login page.
/// </summary>
public sealed class AdminSessionRevalidator : RevalidatingServerAuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> Anonymous =
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly AdminSessions _sessions;
    private readonly ILogger _logger;

    public AdminSessionRevalidator(ILoggerFactory loggerFactory, AdminSessions sessions) : base(loggerFactory)
    {
        _sessions = sessions;
        _logger = loggerFactory.CreateLogger<AdminSessionRevalidator>();
        _sessions.Revoked += OnRevoked;
    }

    private static readonly TimeSpan OwnTabGrace = TimeSpan.FromSeconds(2);

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        await IsCurrentAsync(state.User, ct);

    private Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        _sessions.IsActiveAsync(AdminAuthentication.SessionId(principal), AdminAuthentication.UserId(principal), ct);

    private async void OnRevoked(IReadOnlySet<string> sessionIds)
    {
        // async void because it is an event handler: every exception is caught and logged here.
        try
        {
            var state = await GetAuthenticationStateAsync();
            var sessionId = AdminAuthentication.SessionId(state.User);
            if (sessionId is null || !sessionIds.Contains(sessionId)) return;
            // The tab that logged out is still connected while its form post is under way; signing its
            // circuit out at once would navigate it to the login page and abort that post. Its page is
            // gone after the short wait; other tabs of the session are not.
            await Task.Delay(OwnTabGrace);
            SetAuthenticationState(Anonymous);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not sign out an open admin circuit whose session was revoked");
        }
    }

    protected override void Dispose(bool disposing)
    {
        _sessions.Revoked -= OnRevoked;
        base.Dispose(disposing);
    }
}
