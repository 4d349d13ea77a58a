using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracker.Core.Reports;
using Tracker.Core.Validation;
using Tracker.Web.Data;
using Tracker.Web.Live;
using Tracker.Web.Options;
using Tracker.Web.Reports;
using Tracker.Web.Services;

// What the benchmark's reports (bench/report-loop.sh) cost the garbage collector: runs each one through
// the real ReportEngine (its low-priority threads, a pooled DbContext, the real SQLite file) and prints,
// per report, the managed bytes allocated per run, how much of it went to the large object heap, the
// collections of each generation and the GC pause time. Nothing else runs in the process, so the
// process-wide counters are the reports'.
//
//   dotnet bench/ReportAlloc/bin/Release/net10.0/ReportAlloc.dll <seeded data directory> [runs, default 20]
//
// bench/report-alloc.sh seeds a data directory (bench/Seed) and runs this. REPORT_ALLOC_TYPES=1 also
// prints, per report, the types that allocated most (sampled by the allocation ticks).

var dataDir = Path.GetFullPath(args.Length > 0 ? args[0] : throw new ArgumentException("Give a data directory seeded by bench/Seed."));
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var dbPath = Path.Combine(dataDir, "tracker.db");
if (!File.Exists(dbPath)) throw new ArgumentException($"{dbPath} does not exist: seed it with bench/Seed first.");

var services = new ServiceCollection();
services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
services.AddSingleton(Options.Create(new TrackerOptions { DataDirectory = dataDir }));
services.AddPooledDbContextFactory<TrackerDbContext>(o => o.UseSqlite($"Data Source={dbPath}").AddInterceptors(new SqlitePragmas()));
services.AddSingleton<ChangeFeed>();
services.AddSingleton<SettingsStore>();
services.AddSingleton<LowPriorityWork>();
services.AddSingleton<IReportSource, ReportEngine>();
await using var provider = services.BuildServiceProvider();
var settings = provider.GetRequiredService<SettingsStore>();
await settings.LoadAsync();
var engine = provider.GetRequiredService<IReportSource>();
var lowPriority = provider.GetRequiredService<LowPriorityWork>();

// The reports bench/report-loop.sh asks for (UTC days, as that script computes them).
static string Day(int ago) => DateTime.UtcNow.Date.AddDays(-ago).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
ReportRequestInput Input(int days, string groupBy, string? sortBy = null, int? limit = null) =>
    new(Day(days - 1), Day(0), null, [groupBy], null, null, sortBy, null, limit);
(string Name, ReportRequestInput Input)[] reports =
[
    ("30 days × offer", Input(30, "offer")),
    ("14 days by day", Input(14, "day")),
    ("7 days × country", Input(7, "country")),
    ("today's top 10 offers by revenue", Input(1, "offer", "revenue", 10)),
    ("sub_id_1 over 7 days, limit 100", Input(7, "sub_id_1", limit: 100)),
];

var requests = reports.Select(r =>
{
    var errors = new ValidationErrors();
    return ReportRequestValidator.Parse(r.Input, settings.Current.TimeZone, errors) ?? throw new InvalidOperationException($"{r.Name}: {errors}");
}).ToArray();
// Warm up every report first (JIT, the EF model, SQLite's page cache), so no report pays for the others.
for (var i = 0; i < 3; i++)
    foreach (var request in requests) await engine.RunAsync(request, CancellationToken.None);

using var ticks = new AllocationTicks();
Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} CPUs; .NET {Environment.Version}; " +
    $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {AppContext.GetData("System.GC.Concurrent") ?? "default"}; {runs} runs per report after 3 warm-ups; report threads at nice 19: {lowPriority.Lowered}");
Console.WriteLine($"data: {dbPath} ({new FileInfo(dbPath).Length / 1_000_000} MB)");
Console.WriteLine();
Console.WriteLine("| report | rows | ms per run | allocated per run | of it on the nice-19 report thread | of it LOH (sampled) | gen0 | gen1 | gen2 | GC pause |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (var r = 0; r < reports.Length; r++)
{
    var (name, request) = (reports[r].Name, requests[r]);
    var rows = (await engine.RunAsync(request, CancellationToken.None)).Rows.Count;
    GC.Collect();
    GC.WaitForPendingFinalizers();
    await ticks.SettleAsync();

    var large = ticks.LargeBytes;
    var onReportThread = lowPriority.AllocatedBytes;
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    var pause = GC.GetTotalPauseDuration();
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < runs; i++) await engine.RunAsync(request, CancellationToken.None);
    watch.Stop();
    var allocatedPerRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / runs;
    var onReportThreadPerRun = (lowPriority.AllocatedBytes - onReportThread) / runs;
    var (d0, d1, d2) = (GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2);
    var paused = GC.GetTotalPauseDuration() - pause;
    await ticks.SettleAsync();
    var largePerRun = (ticks.LargeBytes - large) / runs;
    if (Environment.GetEnvironmentVariable("REPORT_ALLOC_TYPES") == "1")
    {
        lock (ticks.Types)
        {
            foreach (var (type, bytes) in ticks.Types.OrderByDescending(t => t.Value).Take(25)) Console.WriteLine($"    {Bytes(bytes / runs),8} {type}");
            ticks.Types.Clear();
        }
    }
    Console.WriteLine($"| {name} | {rows} | {watch.Elapsed.TotalMilliseconds / runs:0.0} | {Bytes(allocatedPerRun)} | {Bytes(onReportThreadPerRun)} | {Bytes(largePerRun)} | {d0} | {d1} | {d2} | {paused.TotalMilliseconds:0.0} ms |");
}
Console.WriteLine();
Console.WriteLine("gen0/gen1/gen2: collections during all the runs of that report, after a full collection before them (gen2 includes the blocking ones the LOH budget starts). " +
    "LOH: from the runtime's allocation-tick events (one per ~100 KB allocated), so ±100 KB per report's runs.");

static string Bytes(long b) => b switch
{
    >= 10_000_000 => $"{b / 1_000_000.0:0} MB",
    >= 1_000_000 => $"{b / 1_000_000.0:0.0} MB",
    >= 10_000 => $"{b / 1_000.0:0} KB",
    _ => $"{b} B",
};

/// <summary>Sums the runtime's GCAllocationTick events by kind: a tick every ~100 KB allocated, with the kind of heap it went to.</summary>
internal sealed class AllocationTicks : EventListener
{
    private long _large;
    private long _events;

    public long LargeBytes => Interlocked.Read(ref _large);

    /// <summary>Waits until the events of what ran so far have been delivered (the listener gets them from a buffer, a little later).</summary>
    public async Task SettleAsync()
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _events);
            await Task.Delay(1500);
        } while (Interlocked.Read(ref _events) != seen);
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        // The GC keyword at verbose level includes GCAllocationTick.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null || e.Payload is null) return;
        Interlocked.Increment(ref _events);
        var kind = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("AllocationKind")], CultureInfo.InvariantCulture);
        var amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
        var amount = Convert.ToInt64(e.Payload[amountIndex >= 0 ? amountIndex : e.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
        if (kind == 1) Interlocked.Add(ref _large, amount);
        if (e.Payload[e.PayloadNames.IndexOf("TypeName")] is string type)
            lock (Types) Types[type] = Types.GetValueOrDefault(type) + amount;
    }

    /// <summary>Sampled bytes by type (each tick charges its ~100 KB to the type allocated when it fired).</summary>
    public Dictionary<string, long> Types { get; } = [];
}
