using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Tracker.Web.Clicks;

/// <summary>
/// The tracker's own middle page of a double meta redirect: <c>/_go/{token}</c>, where the token is
/// the destination sealed with Data Protection. Only URLs the tracker built can be forwarded to, so
/// the hop is no open redirect, and a token expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class GatewayHop(IDataProtectionProvider dataProtection)
{
    public const string PathPrefix = "/_go/";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("Tracker.Clicks.GatewayHop").ToTimeLimitedDataProtector();

    /// <summary>The hop URL (site-relative) that forwards to <paramref name="destination"/>.</summary>
    public string UrlFor(string destination) => PathPrefix + _protector.Protect(destination, Lifetime);

    /// <summary>The destination sealed in <paramref name="token"/>, or null when it is forged, damaged or expired.</summary>
    public string? Open(string token)
    {
        try
        {
            return _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
