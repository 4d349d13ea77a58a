using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Conversions;
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
public sealed class ReportEngine(IDbContextFactory<TrackerDbContext> contexts, SettingsStore settings, LowPriorityWork lowPriority, PendingRollups pending) : IReportSource
{
    private static readonly byte[] RejectedUtf8 = Encoding.UTF8.GetBytes(nameof(ConversionStatus.Rejected));
    private static readonly (byte[] Utf8, ConversionStatus Status)[] StatusesUtf8 =
        [.. Enum.GetValues<ConversionStatus>().Select(s => (Encoding.UTF8.GetBytes(s.ToString()), s))];

    /// <summary>
    /// Runs the report on a low-priority thread (<see cref="LowPriorityWork"/>): clicks keep their cores
    /// while reports scan. Every click answered before it started is counted: the click writer first
    /// adds what it still holds to the rollups (<see cref="PendingRollups"/>).
    /// </summary>
    public async Task<ReportResult> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        await pending.WrittenAsync(cancellationToken);
        return await lowPriority.RunAsync(() => RunHere(request, cancellationToken), cancellationToken);
    }

    // Synchronous on purpose: SQLite reads do not wait for anything an await could give back, and the
    // report thread is the report's own (LowPriorityWork).
    private ReportResult RunHere(ReportRequest request, CancellationToken cancellationToken)
    {
        var current = settings.Current;
        request = ReportRequestValidator.Require(request, current.TimeZone);
        ZonedDay.TryFindZone(request.TimeZone, out var zone);
        var plan = new ReportPlan(request, zone);

        using var db = contexts.CreateDbContext();
        db.Database.OpenConnection();
        // One read transaction: the names, the rollup state and the rows come from one snapshot.
        using var connection = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        using var catalog = new ReportCatalog(connection);
        var workspace = ReportWorkspace.Rent();
        try
        {
            var groups = new ReportGroups(plan, catalog, workspace);
            if (plan.ReadsClicks)
            {
                ReadClicks(connection, plan, catalog, groups, cancellationToken);
                ReadConversions(connection, plan, catalog, groups, workspace, cancellationToken);
            }
            else
            {
                ReadRollups(connection, plan, catalog, groups, cancellationToken);
            }

            var (rows, totals, truncated) = groups.Finish(request);
            return new ReportResult(rows, totals, current.BaseCurrency, request.TimeZone!, truncated);
        }
        finally
        {
            ReportWorkspace.Return(workspace);
        }
    }

    private static void ReadRollups(SqliteTransaction connection, ReportPlan plan, ReportCatalog catalog, ReportGroups groups, CancellationToken ct)
    {
        var state = ReadState(connection);
        var dayGrain = RollupGrains.Smallest(plan.FixedColumns.Concat(plan.Request.Filters.Select(f => ReportPlan.FixedColumn(f.Dimension))));
        var daysUsable = state.BuiltUntil == long.MaxValue && state.Zone is not null && !plan.Request.GroupBy.Contains(ReportDimension.Hour);
        if (!daysUsable)
        {
            ReadRollupRange(connection, plan, catalog, groups, RollupGrain.Quarter, plan.Start, plan.End, ct);
            return;
        }
        if (state.Zone == plan.Request.TimeZone)
        {
            ReadRollupRange(connection, plan, catalog, groups, dayGrain, plan.Start, plan.End, ct);
            return;
        }
        // Another zone: the day rows of every settings-zone day that lies inside the range and inside one
        // of the report's periods, the 15-minute rows for the rest (the edges, and days a period boundary cuts).
        ZonedDay.TryFindZone(state.Zone, out var dayZone);
        foreach (var (useDays, start, end) in plan.Segments(dayZone))
            ReadRollupRange(connection, plan, catalog, groups, useDays ? dayGrain : RollupGrain.Quarter, start, end, ct);
    }

    private static void ReadRollupRange(SqliteTransaction connection, ReportPlan plan, ReportCatalog catalog, ReportGroups groups,
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
        using var command = connection.NewCommand();
        command.Parameters.AddWithValue("$grain", (int)grain);
        command.Parameters.AddWithValue("$start", start);
        command.Parameters.AddWithValue("$end", end);
        FinishGroupedQuery(select, command, plan, catalog, keyColumns, rollups: true);

        using var reader = new ReportStatement(connection, command);
        var values = new ReportValues(plan);
        var text = TextColumns(keyColumns);
        while (reader.Read(ct))
        {
            var i = 0;
            if (plan.HasTime) values.Quarter = slots ? plan.SlotStart(reader.Int(i++)) : reader.Long(i++);
            ReadKeys(reader, ref i, text, values, groups);
            if (reader.IsNull(i)) continue; // SUM over no rows
            var clickRevenue = reader.Long(i + 3);
            var counters = new ReportCounters(
                Clicks: reader.Long(i), UniqueClicks: reader.Long(i + 1),
                Leads: reader.Long(i + 5), Sales: reader.Long(i + 6), Rejected: reader.Long(i + 7), Rebills: reader.Long(i + 8),
                RevenueMicros: clickRevenue + reader.Long(i + 9), RevenueHoldMicros: reader.Long(i + 10),
                CostMicros: reader.Long(i + 2), BotClicks: reader.Long(i + 4));
            groups.Add(values, counters);
        }
    }

    private static bool[] TextColumns(List<string> columns) => [.. columns.Select(ReportValues.IsText)];

    /// <summary>Reads the key columns from <paramref name="i"/> on: ids as numbers, texts interned from their bytes.</summary>
    private static void ReadKeys(ReportStatement reader, ref int i, bool[] text, ReportValues values, ReportGroups groups)
    {
        for (var c = 0; c < text.Length; c++, i++)
            values.Codes[c] = text[c] ? groups.Texts.Intern(reader.Utf8(i)) : reader.Long(i);
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

    private static void ReadClicks(SqliteTransaction connection, ReportPlan plan, ReportCatalog catalog, ReportGroups groups, CancellationToken ct)
    {
        var keyColumns = plan.ClickColumns;
        var select = new StringBuilder("SELECT ");
        if (plan.HasTime) select.Append(plan.SlotExpression("CreatedAt")).Append(" AS Slot, ");
        foreach (var column in keyColumns) select.Append(ReportPlan.ClickColumn(column)).Append(" AS ").Append(column).Append(", ");
        select.Append("COUNT(*), SUM(IsUnique), SUM(CostBaseMicros), SUM(RevenueMicros), SUM(BotReason <> 0) FROM clicks WHERE CreatedAt >= $start AND CreatedAt < $end");
        using var command = connection.NewCommand();
        command.Parameters.AddWithValue("$start", ReportPlan.Timestamp(plan.Start));
        command.Parameters.AddWithValue("$end", ReportPlan.Timestamp(plan.End));
        FinishGroupedQuery(select, command, plan, catalog, keyColumns, rollups: false);

        using var reader = new ReportStatement(connection, command);
        var values = new ReportValues(plan);
        var text = TextColumns(keyColumns);
        while (reader.Read(ct))
        {
            var i = 0;
            if (plan.HasTime) values.Quarter = plan.SlotStart(reader.Int(i++));
            ReadKeys(reader, ref i, text, values, groups);
            if (reader.Long(i) == 0) continue;
            groups.Add(values, new ReportCounters(
                Clicks: reader.Long(i), UniqueClicks: reader.Long(i + 1), Leads: 0, Sales: 0, Rejected: 0, Rebills: 0,
                RevenueMicros: reader.Long(i + 3), RevenueHoldMicros: 0, CostMicros: reader.Long(i + 2), BotClicks: reader.Long(i + 4)));
        }
    }

    private static void ReadConversions(SqliteTransaction connection, ReportPlan plan, ReportCatalog catalog, ReportGroups groups,
        ReportWorkspace workspace, CancellationToken ct)
    {
        var start = ReportPlan.Timestamp(plan.Start);
        var end = ReportPlan.Timestamp(plan.End);
        var rebillCount = ReadRebills(connection, workspace, ct);

        var keyColumns = plan.ClickColumns;
        var select = new StringBuilder("SELECT v.Id, v.Status, v.RevenueMicros, v.CreatedAt, c.CreatedAt");
        foreach (var column in keyColumns) select.Append(", ").Append(ReportPlan.ClickColumn(column, "c."));
        select.Append(" FROM conversions v JOIN clicks c ON c.Id = v.ClickId WHERE ");
        select.Append(plan.Request.Attribution == ReportAttribution.Click
            ? "v.ClickedAt >= $start AND v.ClickedAt < $end"
            : "((v.CreatedAt >= $start AND v.CreatedAt < $end) OR v.Id IN (SELECT ConversionId FROM conversion_transactions WHERE IsRebill = 1 AND CreatedAt >= $start AND CreatedAt < $end))");
        using var conversions = connection.NewCommand();
        conversions.Parameters.AddWithValue("$start", start);
        conversions.Parameters.AddWithValue("$end", end);
        plan.AppendFilters(select, conversions, catalog, rollups: false, alias: "c.");
        conversions.CommandText = select.ToString();

        using var rows = new ReportStatement(connection, conversions);
        var values = new ReportValues(plan);
        var text = TextColumns(keyColumns);
        while (rows.Read(ct))
        {
            var id = rows.Long(0);
            var status = StatusOf(rows, 1);
            var createdAt = rows.UtcTime(3);
            var clickedAt = rows.UtcTime(4);
            var i = 5;
            ReadKeys(rows, ref i, text, values, groups);
            var parts = ConversionContribution.Parts(status, rows.Long(2), createdAt, RebillsOf(workspace, rebillCount, id));
            for (var p = 0; p < parts.Count; p++)
            {
                var part = parts[p];
                var at = plan.Request.Attribution == ReportAttribution.Click ? clickedAt : part.AtUtc;
                var quarter = ReportTime.Quarter(at);
                if (quarter < plan.Start || quarter >= plan.End) continue;
                values.Quarter = quarter;
                groups.Add(values, part.Counters);
            }
        }
    }

    /// <summary>Every rebill (active or taken back), ordered by conversion, into the workspace; their count.</summary>
    private static int ReadRebills(SqliteTransaction connection, ReportWorkspace workspace, CancellationToken ct)
    {
        using var command = connection.NewCommand();
        command.CommandText = "SELECT ConversionId, CreatedAt, RevenueMicros, Status FROM conversion_transactions WHERE IsRebill = 1 ORDER BY ConversionId, Id";
        using var reader = new ReportStatement(connection, command);
        var n = 0;
        while (reader.Read(ct))
        {
            if (n == workspace.Rebills.Length)
            {
                Array.Resize(ref workspace.RebillIds, n * 2);
                Array.Resize(ref workspace.Rebills, n * 2);
            }
            workspace.RebillIds[n] = reader.Long(0);
            workspace.Rebills[n] = new RebillFact(reader.UtcTime(1), reader.Long(2), reader.TextIs(3, RejectedUtf8));
            n++;
        }
        return n;
    }

    private static IEnumerable<RebillFact> RebillsOf(ReportWorkspace workspace, int count, long conversionId)
    {
        var ids = workspace.RebillIds.AsSpan(0, count);
        var first = ids.BinarySearch(conversionId);
        if (first < 0) return [];
        while (first > 0 && ids[first - 1] == conversionId) first--;
        var last = first;
        while (last + 1 < count && ids[last + 1] == conversionId) last++;
        return new ArraySegment<RebillFact>(workspace.Rebills, first, last - first + 1);
    }

    private static ConversionStatus StatusOf(ReportStatement reader, int i)
    {
        var utf8 = reader.Utf8(i);
        foreach (var (name, status) in StatusesUtf8)
            if (utf8.SequenceEqual(name)) return status;
        return Enum.Parse<ConversionStatus>(Encoding.UTF8.GetString(utf8));
    }

    private static (string? Zone, long BuiltUntil) ReadState(SqliteTransaction connection)
    {
        using var command = connection.NewCommand();
        command.CommandText = RollupSql.ReadState;
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1)) : (null, long.MinValue);
    }

    internal static DateTime ParseUtc(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);
}
