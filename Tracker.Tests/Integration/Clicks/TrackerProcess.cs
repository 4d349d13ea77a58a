using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Data;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>
/// The real tracker as an operator runs it: <c>dotnet Tracker.Web.dll</c> from the build output,
/// with its own data directory and a free loopback port, so a test can kill it like the OS would.
/// </summary>
internal sealed class TrackerProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public TrackerProcess(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Port = FreePort();
    }

    public string DataDirectory { get; }

    /// <summary>Settings for the process beyond the test defaults, as environment variables (<c>Tracker__…</c>).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string DatabasePath => Path.Combine(DataDirectory, "tracker.db");

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Tracker.Web/bin/{configuration}/net10.0/Tracker.Web.dll next to this test build.</summary>
    public static string WebDll
    {
        get
        {
            var testDir = new DirectoryInfo(AppContext.BaseDirectory);
            var framework = testDir.Name;
            var configuration = testDir.Parent!.Name;
            var root = testDir;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Tracker.sln"))) root = root.Parent;
            Assert.NotNull(root);
            var dll = Path.Combine(root.FullName, "Tracker.Web", "bin", configuration, framework, "Tracker.Web.dll");
            Assert.True(File.Exists(dll), $"Build Tracker.Web first: {dll} is missing.");
            return dll;
        }
    }

    /// <summary>A migrated database to seed before the process first starts.</summary>
    public TrackerDbContext OpenDatabase()
    {
        Directory.CreateDirectory(DataDirectory);
        var options = new DbContextOptionsBuilder<TrackerDbContext>()
            .UseSqlite($"Data Source={DatabasePath}")
            .AddInterceptors(new SqlitePragmas())
            .Options;
        return new TrackerDbContext(options);
    }

    /// <param name="ct">Cancels the wait.</param>
    /// <param name="healthy">False when the test expects /health to answer 503 (a writer that cannot start): then any answer will do.</param>
    public async Task StartAsync(CancellationToken ct, bool healthy = true)
    {
        Port = FreePort();
        var dll = WebDll;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["Tracker__DataDirectory"] = DataDirectory;
        start.Environment["Tracker__ApiKey"] = TrackerApplication.TestApiKey;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in Settings) start.Environment[name] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(150); // a cold start (JIT, migrations) on a machine busy with the rest of the suite
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"The tracker exited at start-up:\n{Output}");
            try
            {
                var status = (await probe.GetAsync("/health", ct)).StatusCode;
                if (status == HttpStatusCode.OK || (!healthy && status == HttpStatusCode.ServiceUnavailable)) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // The probe timed out while the process was starting.
            }
            await Task.Delay(100, ct);
        }
        Assert.Fail($"The tracker did not answer /health within 150 s:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or the OOM killer.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd stops the service; returns the exit code.</summary>
    public async Task<int> TerminateAsync(CancellationToken ct)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process!.Id.ToString()]))
            await kill.WaitForExitAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Takes SQLite's write lock from outside the process until disposed (rolled back).</summary>
    public IDisposable HoldWriteLock()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The subids stored in the database file, read directly.</summary>
    public HashSet<string> StoredSubIds()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SubId FROM clicks";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { /* the OS temp cleaner takes what is still open */ }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
