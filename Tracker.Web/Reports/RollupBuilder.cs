using System.Globalization;
using Microsoft.Data.Sqlite;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Core.Offers;
using Tracker.Core.Reports;
using Tracker.Web.Data;

namespace Tracker.Web.Reports;

/// <summary>
/// Builds rollups from other rows: the day rows of a zone from the quarter rows (online, a day per
/// short transaction, so clicks are never held up), and every rollup from the raw clicks and
/// conversions (the rebuild command, after a restore or an import).
/// </summary>
public sealed class RollupBuilder(string databasePath, ILogger logger)
{
    private static readonly string[] KeyNames = ["CampaignId", "StreamId", "OfferId", "AffiliateNetworkId", "Country"];
    private static readonly string Keys = string.Join(", ", KeyNames);
    private static readonly string Counters = string.Join(", ", RollupSql.CounterColumns);
    private static readonly string Sums = string.Join(", ", RollupSql.CounterColumns.Select(c => $"SUM({c})"));

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        SqlitePragmas.Apply(connection);
        return connection;
    }

    /// <summary>Builds every rollup from the raw rows when they never were (a database upgraded from before reports). Run before clicks are taken.</summary>
    public async Task<bool> BuildIfNeverBuiltAsync(string dayZoneId, CancellationToken ct)
    {
        await using (var connection = Open())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = RollupSql.ReadState;
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct) || reader.GetInt64(1) != ReportRollupState.NeverBuilt) return false;
        }
        await RebuildAllAsync(dayZoneId, ct);
        return true;
    }

    /// <summary>
    /// Counts the clicks after <see cref="ReportRollupState.ClicksThrough"/> into the rollups: those the
    /// click writer still held in memory when the process died. Run before clicks are taken. The number counted.
    /// </summary>
    public Task<long> CatchUpAsync(CancellationToken ct) => Task.Run(() =>
    {
        using var connection = Open();
        var batch = new RollupBatch();
        using var statements = new RollupStatements(connection);
        var click = new Click();
        var count = 0L;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT Id, {ClickColumns} FROM clicks WHERE Id > (SELECT ClicksThrough FROM report_rollup_state WHERE Id = 1) ORDER BY Id LIMIT 20000";
            var last = 0L;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    last = reader.GetInt64(0);
                    Read(reader, 1, click);
                    batch.AddClick(click);
                    count++;
                }
            }
            if (last == 0) break;
            batch.Write(statements);
            statements.SetClicksThrough(last);
            transaction.Commit();
        }
        if (count > 0) logger.LogWarning("{Count} clicks recorded before the last stop were not yet in the report rollups (the process ended without its shutdown); they are counted now", count);
        return count;
    }, ct);

    /// <summary>True when the day rows are complete and in <paramref name="zoneId"/>.</summary>
    public async Task<bool> IsBuiltForAsync(string zoneId, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = RollupSql.ReadState;
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && !reader.IsDBNull(0) && reader.GetString(0) == zoneId && reader.GetInt64(1) == long.MaxValue;
    }

    /// <summary>
    /// Makes the day rows those of <paramref name="zoneId"/>: stops their use, deletes them, then
    /// builds them day by day from the quarter rows. Writers add to the days already built, and the
    /// builder reads the rest from the quarter rows, so nothing is counted twice or missed.
    /// </summary>
    public Task BuildDaysAsync(string zoneId, CancellationToken ct) => Task.Run(() => BuildDays(zoneId, ct), ct);

    private void BuildDays(string zoneId, CancellationToken ct)
    {
        ZonedDay.TryFindZone(zoneId, out var zone);
        using var connection = Open();
        Execute(connection, null, "UPDATE report_rollup_state SET DayZone = NULL, DayBuiltUntil = 0 WHERE Id = 1");
        // Delete the old day rows a month at a time.
        foreach (var (grain, _) in RollupGrains.Days)
        {
            var (min, max) = Range(connection, grain);
            for (var from = min; from <= max; from += 30 * 96)
            {
                ct.ThrowIfCancellationRequested();
                Execute(connection, null, $"DELETE FROM {RollupSql.Table} WHERE Grain = {(int)grain} AND Bucket >= {from} AND Bucket < {from + 30 * 96}");
            }
        }

        var (first, _) = Range(connection, RollupGrain.Quarter);
        if (first == long.MaxValue)
        {
            Execute(connection, null, $"UPDATE report_rollup_state SET DayZone = $zone, DayBuiltUntil = {long.MaxValue} WHERE Id = 1", zoneId);
            return;
        }
        var day = ZonedDay.Containing(ReportTime.StartOf(first), zone).Date;
        Execute(connection, null, $"UPDATE report_rollup_state SET DayZone = $zone, DayBuiltUntil = {ReportTime.DayStart(day, zone)} WHERE Id = 1", zoneId);
        var days = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var start = ReportTime.DayStart(day, zone);
            var end = ReportTime.DayStart(day.AddDays(1), zone);
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var (grain, kept) in RollupGrains.Days)
            {
                var select = string.Join(", ", KeyNames.Select(k => kept.Contains(k) ? k : k == "Country" ? "''" : "0"));
                Execute(connection, transaction,
                    $"INSERT INTO {RollupSql.Table} (Grain, Bucket, {Keys}, {Counters}) " +
                    $"SELECT {(int)grain}, {start}, {select}, {Sums} FROM {RollupSql.Table} WHERE Grain = 0 AND Bucket >= {start} AND Bucket < {end} GROUP BY {string.Join(", ", kept)}");
            }
            var last = Scalar(connection, transaction, $"SELECT MAX(Bucket) FROM {RollupSql.Table} WHERE Grain = 0");
            var done = last < end;
            Execute(connection, transaction, $"UPDATE report_rollup_state SET DayBuiltUntil = {(done ? long.MaxValue : end)} WHERE Id = 1");
            transaction.Commit();
            days++;
            if (done) break;
            day = day.AddDays(1);
        }
        logger.LogInformation("Day rollups built for {Zone}: {Days} days", zoneId, days);
    }

    /// <summary>Deletes every rollup and builds them again from the clicks and conversions in the database, then the day rows of <paramref name="dayZoneId"/>.</summary>
    public async Task RebuildAllAsync(string dayZoneId, CancellationToken ct)
    {
        await Task.Run(() =>
        {
            using var connection = Open();
            Execute(connection, null, "UPDATE report_rollup_state SET DayZone = NULL, DayBuiltUntil = 0 WHERE Id = 1");
            Execute(connection, null, $"DELETE FROM {RollupSql.Table}");
            var clicks = RebuildClicks(connection, ct);
            Execute(connection, null, "UPDATE report_rollup_state SET ClicksThrough = (SELECT COALESCE(MAX(Id), 0) FROM clicks) WHERE Id = 1");
            var conversions = RebuildConversions(connection, ct);
            logger.LogInformation("Quarter rollups rebuilt from {Clicks} clicks and {Conversions} conversions", clicks, conversions);
        }, ct);
        await BuildDaysAsync(dayZoneId, ct);
    }

    private static long RebuildClicks(SqliteConnection connection, CancellationToken ct)
    {
        var first = Text(connection, "SELECT MIN(CreatedAt) FROM clicks");
        var last = Text(connection, "SELECT MAX(CreatedAt) FROM clicks");
        if (first is null || last is null) return 0;
        var batch = new RollupBatch();
        using var statements = new RollupStatements(connection);
        var count = 0L;
        var click = new Click();
        // A UTC day per transaction: bounded memory and WAL whatever the size.
        for (var day = ReportEngine.ParseUtc(first).Date; day <= ReportEngine.ParseUtc(last); day = day.AddDays(1))
        {
            ct.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT {ClickColumns} FROM clicks WHERE CreatedAt >= $from AND CreatedAt < $to";
            command.Parameters.AddWithValue("$from", Stamp(day));
            command.Parameters.AddWithValue("$to", Stamp(day.AddDays(1)));
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    Read(reader, 0, click);
                    batch.AddClick(click);
                    count++;
                }
            }
            batch.Write(statements);
            transaction.Commit();
        }
        return count;
    }

    // What a click adds to the rollups (RollupCounters.ForClick), read by Read.
    private const string ClickColumns = "CreatedAt, CampaignId, StreamId, OfferId, AffiliateNetworkId, Country, IsUnique, CostBaseMicros, RevenueMicros, BotReason";

    private static void Read(SqliteDataReader reader, int at, Click click)
    {
        click.CreatedAt = ReportEngine.ParseUtc(reader.GetString(at));
        click.CampaignId = reader.GetInt32(at + 1);
        click.StreamId = reader.IsDBNull(at + 2) ? null : reader.GetInt32(at + 2);
        click.OfferId = reader.IsDBNull(at + 3) ? null : reader.GetInt32(at + 3);
        click.AffiliateNetworkId = reader.IsDBNull(at + 4) ? null : reader.GetInt32(at + 4);
        click.Country = reader.GetString(at + 5);
        click.IsUnique = reader.GetBoolean(at + 6);
        click.CostBaseMicros = reader.GetInt64(at + 7);
        click.RevenueMicros = reader.GetInt64(at + 8);
        click.BotReason = (BotReason)reader.GetInt32(at + 9);
    }

    private static long RebuildConversions(SqliteConnection connection, CancellationToken ct)
    {
        var rebills = new Dictionary<long, List<RebillFact>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT ConversionId, CreatedAt, RevenueMicros, Status FROM conversion_transactions WHERE IsRebill = 1";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!rebills.TryGetValue(id, out var list)) rebills[id] = list = [];
                list.Add(new RebillFact(ReportEngine.ParseUtc(reader.GetString(1)), reader.GetInt64(2), reader.GetString(3) == nameof(ConversionStatus.Rejected)));
            }
        }
        var batch = new RollupBatch();
        using var statements = new RollupStatements(connection);
        var count = 0L;
        var lastId = 0L;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT v.Id, v.Status, v.RevenueMicros, v.CreatedAt, c.CreatedAt, c.CampaignId, c.StreamId, c.OfferId, c.AffiliateNetworkId, c.Country " +
                                  "FROM conversions v JOIN clicks c ON c.Id = v.ClickId WHERE v.Id > $after ORDER BY v.Id LIMIT 20000";
            command.Parameters.AddWithValue("$after", lastId);
            var read = 0;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    lastId = reader.GetInt64(0);
                    var parts = ConversionContribution.Parts(Enum.Parse<ConversionStatus>(reader.GetString(1)), reader.GetInt64(2),
                        ReportEngine.ParseUtc(reader.GetString(3)), rebills.TryGetValue(lastId, out var r) ? r : []);
                    var key = RollupKey.Of(0, reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6),
                        reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetInt32(8), reader.GetString(9));
                    batch.AddConversionChange(key, ReportEngine.ParseUtc(reader.GetString(4)), [], parts);
                    read++;
                }
            }
            batch.Write(statements);
            transaction.Commit();
            count += read;
            if (read == 0) break;
        }
        return count;
    }

    private static (long Min, long Max) Range(SqliteConnection connection, RollupGrain grain)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MIN(Bucket), MAX(Bucket) FROM {RollupSql.Table} WHERE Grain = {(int)grain}";
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.IsDBNull(0) ? (long.MaxValue, long.MinValue) : (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar() is long l ? l : long.MinValue;
    }

    private static string? Text(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, string? zone = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (zone is not null) command.Parameters.AddWithValue("$zone", zone);
        command.ExecuteNonQuery();
    }

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
