using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Tracker.Web.Security;

namespace Tracker.Tests.Infrastructure;

/// <summary>
/// The real host over a real SQLite file in its own temporary data directory. Each test builds its own.
/// </summary>
public sealed class TrackerApplication : WebApplicationFactory<Program>
{
    public const string TestApiKey = "test-api-key-0123456789";

    private readonly Dictionary<string, string?> _settings;

    public TrackerApplication(Dictionary<string, string?>? settings = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "tracker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Tracker:DataDirectory"] = DataDirectory,
            ["Tracker:ApiKey"] = TestApiKey,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
    }

    public string DataDirectory { get; }

    /// <summary>Replace services (e.g. a fake clock) before the host starts.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services => ConfigureTestServices?.Invoke(services));
    }

    // Program.Main installs a static Serilog bootstrap logger that building the host freezes; two hosts
    // built at once by parallel test classes would freeze each other's ("The logger is already frozen").
    private static readonly Lock HostBuild = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (HostBuild) return base.CreateHost(builder);
    }

    /// <summary>A client that sends the admin API key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, TestApiKey);
        return client;
    }

    /// <summary>
    /// Starts the host on Kestrel at a free loopback port and returns a client for it: real HTTP, with
    /// Kestrel's own parsing, body limits and connection handling, which the in-memory server skips.
    /// </summary>
    public HttpClient CreateKestrelClient(HttpMessageHandler? handler = null)
    {
        UseKestrel(0);
        StartServer();
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = new Uri(KestrelAddress);
        return client;
    }

    /// <summary>The loopback address Kestrel listens on, once <see cref="CreateKestrelClient"/> started it.</summary>
    public string KestrelAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
                .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()
                ?? throw new InvalidOperationException("Kestrel reported no listening address.");
            return addresses.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal)
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        }
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { /* a file still open on a slow CI box; the OS temp cleaner takes it */ }
    }
}
