using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Reports;
using Tracker.Tests.Integration.Postbacks;
using Tracker.Web.Reports;

namespace Tracker.Tests.Integration.Reports;

/// <summary>
/// Reports run beside the click path, and every collection stops it: a report must not allocate per
/// row. Guards what bench/ReportAlloc measured (BENCHMARKS.md, "What reports allocate"): a sub_id_1
/// report over many distinct values allocated a few hundred bytes per group, much of it on the large
/// object heap, and caused a blocking full collection nearly every run.
/// </summary>
public sealed class ReportAllocationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASubId1ReportOverTwentyThousandDistinctValuesAllocatesLittleMoreThanTheRowsItReturns()
    {
        const int Visitors = 20_000;
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync();
        var click = await bed.AddClickAsync(offer);
        await CloneClickAsync(bed, click.Id, Visitors);

        var reports = bed.App.Service<IReportSource>();
        var work = bed.App.Service<LowPriorityWork>();
        var day = DateOnly.FromDateTime(bed.Now);
        var request = new ReportRequest
        {
            From = day.AddDays(-6), To = day, TimeZone = "UTC", GroupBy = [ReportDimension.SubId1],
            SortBy = ReportMetric.Clicks, SortDescending = true, Limit = 100,
        };
        // The first runs size the report workspace that later runs reuse.
        for (var i = 0; i < 2; i++) await reports.RunAsync(request, Ct);

        var least = long.MaxValue;
        ReportResult? result = null;
        for (var i = 0; i < 5; i++)
        {
            var before = work.AllocatedBytes;
            result = await reports.RunAsync(request, Ct);
            least = Math.Min(least, work.AllocatedBytes - before);
        }

        Assert.Equal(Visitors + 1, result!.Totals.Clicks);
        Assert.Equal(100, result.Rows.Count);
        Assert.True(result.Truncated);
        // 100 rows of output and the query's fixed cost are tens of KB; 20,000 groups at even 25 bytes each would be 500 KB.
        Assert.True(least < 400_000, $"a sub_id_1 report over {Visitors + 1} distinct values allocated {least:N0} bytes on the report thread (least of 5 runs)");
    }

    [Fact]
    public async Task EvenTheFirstReportOverAHundredThousandDistinctValuesGrowsNothingOnTheManagedHeap()
    {
        // More groups than a workspace is kept for: every run builds its group table anew, outside the
        // managed heap, and frees it after (a managed table would be tens of MB of large objects a run).
        const int Visitors = 100_000;
        await using var bed = await PostbackTestBed.StartAsync();
        var offer = await bed.AddOfferAsync();
        var click = await bed.AddClickAsync(offer);
        await CloneClickAsync(bed, click.Id, Visitors);

        var reports = bed.App.Service<IReportSource>();
        var work = bed.App.Service<LowPriorityWork>();
        var day = DateOnly.FromDateTime(bed.Now);
        var request = new ReportRequest
        {
            From = day.AddDays(-6), To = day, TimeZone = "UTC", GroupBy = [ReportDimension.SubId1],
            SortBy = ReportMetric.Clicks, SortDescending = true, Limit = 50,
        };

        for (var run = 0; run < 3; run++)
        {
            var before = work.AllocatedBytes;
            var result = await reports.RunAsync(request, Ct);
            var allocated = work.AllocatedBytes - before;

            Assert.Equal(Visitors + 1, result.Totals.Clicks);
            Assert.Equal(50, result.Rows.Count);
            Assert.All(result.Rows, row => Assert.Equal(1, row.Counters.Clicks));
            Assert.True(allocated < 400_000, $"run {run + 1} of a sub_id_1 report over {Visitors + 1} distinct values allocated {allocated:N0} bytes on the report thread");
        }
    }

    /// <summary>Copies a click <paramref name="copies"/> times with SQL, each with its own subid and sub_id_1.</summary>
    private static async Task CloneClickAsync(PostbackTestBed bed, long clickId, int copies)
    {
        await using var db = await bed.NewDbAsync();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('clicks') WHERE name <> 'Id'";
            await using var reader = await info.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) columns.Add(reader.GetString(0));
        }
        var values = columns.Select(c => c switch
        {
            "SubId" => "c.SubId || '-' || n.i",
            "SubId1" => "'visitor-' || n.i",
            _ => "c." + c,
        });
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $copies)
            INSERT INTO clicks ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} FROM n, clicks c WHERE c.Id = $id
            """;
        insert.Parameters.AddWithValue("$copies", copies);
        insert.Parameters.AddWithValue("$id", clickId);
        Assert.Equal(copies, await insert.ExecuteNonQueryAsync(Ct));
    }
}
