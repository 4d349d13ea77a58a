using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Integration.Security;

/// <summary>
/// The real host on Kestrel, listening on every IPv4 interface, behind "proxies" that forward
/// <c>X-Forwarded-For</c>: requests over loopback come from a trusted proxy (loopback is trusted, as
/// for Caddy or nginx on the same machine), requests to the machine's own network address come from
/// an untrusted one, whose header must be ignored.
/// </summary>
internal sealed class RealHttpHost : IAsyncDisposable
{
    private RealHttpHost(TrackerApplication app, int port)
    {
        App = app;
        Port = port;
    }

    public TrackerApplication App { get; }
    public int Port { get; }

    public static RealHttpHost Start(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["ForwardedHeaders:ForwardedHeaders"] = "XForwardedFor,XForwardedProto" };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        var app = new TrackerApplication(all);
        app.UseKestrel(o => o.Listen(IPAddress.Any, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RealHttpHost(app, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port);
    }

    /// <summary>A client whose requests arrive through the trusted proxy (loopback), claiming <paramref name="forwardedFor"/>.</summary>
    public HttpClient ViaTrustedProxy(string? forwardedFor, string? apiKey = null) => Client(IPAddress.Loopback, forwardedFor, apiKey);

    /// <summary>A client connecting from this machine's network address, which is no trusted proxy.</summary>
    public HttpClient ViaUntrustedProxy(string? forwardedFor, string? apiKey = null) => Client(NetworkAddress(), forwardedFor, apiKey);

    private HttpClient Client(IPAddress server, string? forwardedFor, string? apiKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri($"http://{server}:{Port}"),
        };
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (apiKey is not null) client.DefaultRequestHeaders.Add(Tracker.Web.Security.ApiKeyFilter.HeaderName, apiKey);
        return client;
    }

    /// <summary>This machine's first non-loopback IPv4 address; a test that needs one fails loudly without it.</summary>
    public static IPAddress NetworkAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new InvalidOperationException("This test needs a non-loopback IPv4 address on this machine to play an untrusted proxy.");

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
