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

    /// <summary>
    /// Program.cs installs Serilog's static bootstrap logger and the host freezes it while building. Two hosts
    /// starting at once in one test process race on that static ("The logger is already frozen"), so hosts
    /// start one at a time; once started they run side by side.
    /// </summary>
    private static readonly Lock HostStartGate = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (HostStartGate) return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services => ConfigureTestServices?.Invoke(services));
    }

    /// <summary>A client that sends the admin API key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, TestApiKey);
        return client;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { /* a file still open on a slow CI box; the OS temp cleaner takes it */ }
    }
}
