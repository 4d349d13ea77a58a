using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Conversions;
using Tracker.Core.Geo;
using Tracker.Core.Offers;
using Tracker.Core.Reports;
using Tracker.Web.Data;
using Tracker.Web.Services;

namespace Tracker.Web.Reports;

/// <summary>
/// Runs reports. Fixed dimensions (time, campaign, stream, offer, offer group, network, country) read
/// the rollups: day rows when the report is in the zone they are built for and needs no hours, else
/// the 15-minute rows. Traffic-source parameters (source, keyword, sub_id_1…5) read the clicks of the
/// range through the CreatedAt index and join their conversions. The SQL is portable: integer bucket
/// ranges, SUM and GROUP BY; time periods are mapped from buckets here, in C#.
/// </summary>
public sealed class ReportEngine(IDbContextFactory<TrackerDbContext> contexts, SettingsStore settings, LowPriorityWork lowPriority) : IReportSource
{
    private static readonly string[] Statuses = Enum.GetNames<ConversionStatus>();

    /// <summary>Runs the report on a low-priority thread (<see cref="LowPriorityWork"/>): clicks keep their cores while reports scan.</summary>
    public Task<ReportResult> RunAsync(ReportRequest request, CancellationToken cancellationToken) =>
        lowPriority.RunAsync(() => RunHereAsync(request, cancellationToken).GetAwaiter().GetResult(), cancellationToken);

    // Microsoft.Data.Sqlite's async methods complete synchronously, so this never blocks on I/O it could have awaited.
    private async Task<ReportResult> RunHereAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var current = settings.Current;
        request = ReportRequestValidator.Require(request, current.TimeZone);
        ZonedDay.TryFindZone(request.TimeZone, out var zone);
        var plan = new ReportPlan(request, zone);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        // One read transaction: the names, the rollup state and the rows come from one snapshot.
        await using var connection = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        var catalog = await ReportCatalog.LoadAsync(connection, cancellationToken);
        var groups = new ReportGroups(plan, catalog);

        if (plan.ReadsClicks)
        {
            await ReadClicksAsync(connection, plan, catalog, groups, cancellationToken);
            await ReadConversionsAsync(connection, plan, catalog, groups, cancellationToken);
        }
        else
        {
            await ReadRollupsAsync(connection, plan, catalog, groups, cancellationToken);
        }

        var (rows, totals, truncated) = groups.Finish(request);
        return new ReportResult(rows, totals, current.BaseCurrency, request.TimeZone!, truncated);
    }

    private static async Task ReadRollupsAsync(SqliteTransaction connection, ReportPlan plan, ReportCatalog catalog, ReportGroups groups, CancellationToken ct)
    {
        var state = await ReadStateAsync(connection, ct);
        var dayGrain = RollupGrains.Smallest(plan.FixedColumns.Concat(plan.Request.Filters.Select(f => ReportPlan.FixedColumn(f.Dimension))));
        var daysUsable = state.BuiltUntil == long.MaxValue && state.Zone is not null && !plan.Request.GroupBy.Contains(ReportDimension.Hour);
        if (!daysUsable)
        {
            await ReadRollupRangeAsync(connection, plan, catalog, groups, RollupGrain.Quarter, plan.Start, plan.End, ct);
            return;
        }
        if (state.Zone == plan.Request.TimeZone)
        {
            await ReadRollupRangeAsync(connection, plan, catalog, groups, dayGrain, plan.Start, plan.End, ct);
            return;
        }
        // Another zone: the day rows of every settings-zone day that lies inside the range and inside one
        // of the report's periods, the 15-minute rows for the rest (the edges, and days a period boundary cuts).
        ZonedDay.TryFindZone(state.Zone, out var dayZone);
        foreach (var (useDays, start, end) in plan.Segments(dayZone))
            await ReadRollupRangeAsync(connection, plan, catalog, groups, useDays ? dayGrain : RollupGrain.Quarter, start, end, ct);
    }

    private static async Task ReadRollupRangeAsync(SqliteTransaction connection, ReportPlan plan, ReportCatalog catalog, ReportGroups groups,
        RollupGrain grain, long start, long end, CancellationToken ct)
    {
        var byConversion = plan.Request.Attribution == ReportAttribution.Conversion;
        var keyColumns = plan.FixedColumns;
        var select = new StringBuilder("SELECT ");
        // 15-minute rows are mapped to the report's periods in SQL (fewer rows back); day rows are few.
        var slots = plan.HasTime && grain == RollupGrain.Quarter;
        if (plan.HasTime) select.Append(slots ? plan.QuarterSlotExpression("Bucket") : "Bucket").Append(" AS Slot, ");
        foreach (var column in keyColumns) select.Append(column).Append(", ");
        select.Append("SUM(Clicks), SUM(UniqueClicks), SUM(CostMicros), SUM(ClickRevenueMicros), SUM(BotClicks), ");
        var suffix = byConversion ? "AtConversion" : "";
        select.Append($"SUM(Leads{suffix}), SUM(Sales{suffix}), SUM(Rejected{suffix}), SUM(Rebills{suffix}), SUM(RevenueMicros{suffix}), SUM(RevenueHoldMicros{suffix})");
        select.Append($" FROM {RollupSql.Table} WHERE Grain = $grain AND Bucket >= $start AND Bucket < $end");
        await using var command = connection.NewCommand();
        command.Parameters.AddWithValue("$grain", (int)grain);
        command.Parameters.AddWithValue("$start", start);
        command.Parameters.AddWithValue("$end", end);
        FinishGroupedQuery(select, command, plan, catalog, keyColumns, rollups: true);

        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new ReportValues(plan);
        while (await reader.ReadAsync(ct))
        {
            var i = 0;
            values.Clear();
            if (plan.HasTime) values.Quarter = slots ? plan.SlotStart(reader.GetInt32(i++)) : reader.GetInt64(i++);
            foreach (var column in keyColumns) values.Set(column, reader.GetValue(i++));
            if (reader.IsDBNull(i)) continue; // SUM over no rows
            var clickRevenue = reader.GetInt64(i + 3);
            var counters = new ReportCounters(
                Clicks: reader.GetInt64(i), UniqueClicks: reader.GetInt64(i + 1),
                Leads: reader.GetInt64(i + 5), Sales: reader.GetInt64(i + 6), Rejected: reader.GetInt64(i + 7), Rebills: reader.GetInt64(i + 8),
                RevenueMicros: clickRevenue + reader.GetInt64(i + 9), RevenueHoldMicros: reader.GetInt64(i + 10),
                CostMicros: reader.GetInt64(i + 2), BotClicks: reader.GetInt64(i + 4));
            groups.Add(values, counters);
        }
    }

    /// <summary>Adds the request's filters and the grouping (time slot first, then the key columns) and sets the command's text.</summary>
    private static void FinishGroupedQuery(StringBuilder select, SqliteCommand command, ReportPlan plan, ReportCatalog catalog,
        IReadOnlyList<string> keyColumns, bool rollups)
    {
        plan.AppendFilters(select, command, catalog, rollups);
        var groupBy = (plan.HasTime ? new[] { "Slot" } : []).Concat(keyColumns).ToList();
        if (groupBy.Count > 0) select.Append(" GROUP BY ").Append(string.Join(", ", groupBy));
        command.CommandText = select.ToString();
    }

    private static async Task ReadClicksAsync(SqliteTransaction connection, ReportPlan plan, ReportCatalog catalog, ReportGroups groups, CancellationToken ct)
    {
        var keyColumns = plan.ClickColumns;
        var select = new StringBuilder("SELECT ");
        if (plan.HasTime) select.Append(plan.SlotExpression("CreatedAt")).Append(" AS Slot, ");
        foreach (var column in keyColumns) select.Append(ReportPlan.ClickColumn(column)).Append(" AS ").Append(column).Append(", ");
        select.Append("COUNT(*), SUM(IsUnique), SUM(CostBaseMicros), SUM(RevenueMicros), SUM(BotReason <> 0) FROM clicks WHERE CreatedAt >= $start AND CreatedAt < $end");
        await using var command = connection.NewCommand();
        command.Parameters.AddWithValue("$start", ReportPlan.Timestamp(plan.Start));
        command.Parameters.AddWithValue("$end", ReportPlan.Timestamp(plan.End));
        FinishGroupedQuery(select, command, plan, catalog, keyColumns, rollups: false);

        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new ReportValues(plan);
        while (await reader.ReadAsync(ct))
        {
            var i = 0;
            values.Clear();
            if (plan.HasTime) values.Quarter = plan.SlotStart(reader.GetInt32(i++));
            foreach (var column in keyColumns) values.Set(column, reader.GetValue(i++));
            if (reader.GetInt64(i) == 0) continue;
            groups.Add(values, new ReportCounters(
                Clicks: reader.GetInt64(i), UniqueClicks: reader.GetInt64(i + 1), Leads: 0, Sales: 0, Rejected: 0, Rebills: 0,
                RevenueMicros: reader.GetInt64(i + 3), RevenueHoldMicros: 0, CostMicros: reader.GetInt64(i + 2), BotClicks: reader.GetInt64(i + 4)));
        }
    }

    private static async Task ReadConversionsAsync(SqliteTransaction connection, ReportPlan plan, ReportCatalog catalog, ReportGroups groups, CancellationToken ct)
    {
        var start = ReportPlan.Timestamp(plan.Start);
        var end = ReportPlan.Timestamp(plan.End);
        // Rebills (active or taken back) of the conversions, for their parts and their times.
        var rebills = new Dictionary<long, List<RebillFact>>();
        await using (var command = connection.NewCommand())
        {
            command.CommandText = "SELECT ConversionId, CreatedAt, RevenueMicros, Status FROM conversion_transactions WHERE IsRebill = 1";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                if (!rebills.TryGetValue(id, out var list)) rebills[id] = list = [];
                list.Add(new RebillFact(ParseUtc(reader.GetString(1)), reader.GetInt64(2), reader.GetString(3) == nameof(ConversionStatus.Rejected)));
            }
        }

        var keyColumns = plan.ClickColumns;
        var select = new StringBuilder("SELECT v.Id, v.Status, v.RevenueMicros, v.CreatedAt, c.CreatedAt");
        foreach (var column in keyColumns) select.Append(", ").Append(ReportPlan.ClickColumn(column, "c."));
        select.Append(" FROM conversions v JOIN clicks c ON c.Id = v.ClickId WHERE ");
        select.Append(plan.Request.Attribution == ReportAttribution.Click
            ? "v.ClickedAt >= $start AND v.ClickedAt < $end"
            : "((v.CreatedAt >= $start AND v.CreatedAt < $end) OR v.Id IN (SELECT ConversionId FROM conversion_transactions WHERE IsRebill = 1 AND CreatedAt >= $start AND CreatedAt < $end))");
        await using var conversions = connection.NewCommand();
        conversions.Parameters.AddWithValue("$start", start);
        conversions.Parameters.AddWithValue("$end", end);
        plan.AppendFilters(select, conversions, catalog, rollups: false, alias: "c.");
        conversions.CommandText = select.ToString();

        await using var rows = await conversions.ExecuteReaderAsync(ct);
        var values = new ReportValues(plan);
        while (await rows.ReadAsync(ct))
        {
            var id = rows.GetInt64(0);
            var status = Enum.Parse<ConversionStatus>(rows.GetString(1));
            var createdAt = ParseUtc(rows.GetString(3));
            var clickedAt = ParseUtc(rows.GetString(4));
            values.Clear();
            for (var i = 0; i < keyColumns.Count; i++) values.Set(keyColumns[i], rows.GetValue(5 + i));
            var parts = ConversionContribution.Parts(status, rows.GetInt64(2), createdAt, rebills.TryGetValue(id, out var r) ? r : []);
            foreach (var part in parts)
            {
                var at = plan.Request.Attribution == ReportAttribution.Click ? clickedAt : part.AtUtc;
                var quarter = ReportTime.Quarter(at);
                if (quarter < plan.Start || quarter >= plan.End) continue;
                values.Quarter = quarter;
                groups.Add(values, part.Counters);
            }
        }
    }

    private static async Task<(string? Zone, long BuiltUntil)> ReadStateAsync(SqliteTransaction connection, CancellationToken ct)
    {
        await using var command = connection.NewCommand();
        command.CommandText = RollupSql.ReadState;
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1)) : (null, long.MinValue);
    }

    internal static DateTime ParseUtc(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);
}

internal static class ReportCommands
{
    /// <summary>A command in the report's read transaction.</summary>
    public static SqliteCommand NewCommand(this SqliteTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        return command;
    }
}
