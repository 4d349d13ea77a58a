using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Web.Reports;

namespace Tracker.Web.Conversions;

/// <summary>
/// The rows a postback reads and writes, through prepared statements on the postback writer's own
/// connection: the click by subid, its conversion and transactions, and the inserts and updates a
/// decision needs. Writes exactly what EF Core reads back (times as UTC text, enums by name,
/// booleans as 0/1, click parameters as JSON). Used by the writer thread only.
/// </summary>
internal sealed class PostbackRows : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _findClick;
    private readonly SqliteCommand _findConversion;
    private readonly SqliteCommand _transactions;
    private readonly SqliteCommand _insertConversion;
    private readonly SqliteCommand _updateConversion;
    private readonly SqliteCommand _insertTransaction;
    private readonly SqliteCommand _updateTransaction;
    private readonly SqliteCommand _updateClick;
    private readonly SqliteCommand _insertLog;

    public PostbackRows(SqliteConnection connection)
    {
        _connection = connection;
        _findClick = Prepare("""
            SELECT Id, CreatedAt, CampaignId, StreamId, OfferId, AffiliateNetworkId, Country, Parameters
            FROM clicks WHERE SubId = $1
            """, 1);
        _findConversion = Prepare(
            $"SELECT {ConversionColumns} FROM conversions WHERE ClickId = $1", 1);
        _transactions = Prepare("""
            SELECT Id, ConversionId, SubId, Tid, Status, IsRebill, RevenueMicros, PendingMicros, CreatedAt
            FROM conversion_transactions WHERE SubId = $1 ORDER BY Id
            """, 1);
        _insertConversion = Prepare("""
            INSERT INTO conversions (ClickId, SubId, CampaignId, StreamId, OfferId, AffiliateNetworkId, Status,
                OriginalStatus, RevenueMicros, OriginalPayoutMicros, OriginalCurrency, RebillCount, PendingCurrency,
                PendingMicros, Tid, CreatedAt, ClickedAt, UpdatedAt)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            RETURNING Id
            """, 18);
        _updateConversion = Prepare("""
            UPDATE conversions SET Status = $2, OriginalStatus = $3, RevenueMicros = $4, OriginalPayoutMicros = $5,
                OriginalCurrency = $6, RebillCount = $7, PendingCurrency = $8, PendingMicros = $9, UpdatedAt = $10
            WHERE Id = $1
            """, 10);
        _insertTransaction = Prepare("""
            INSERT INTO conversion_transactions (ConversionId, SubId, Tid, Status, IsRebill, RevenueMicros, PendingMicros, CreatedAt)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            RETURNING Id
            """, 8);
        _updateTransaction = Prepare(
            "UPDATE conversion_transactions SET Status = $2, RevenueMicros = $3, PendingMicros = $4 WHERE Id = $1", 4);
        var reportColumns = string.Join(", ", ClickReportColumns.All.Select((c, i) => $"{c.Column} = ${i + 3}"));
        _updateClick = Prepare($"UPDATE clicks SET Parameters = $2, {reportColumns} WHERE Id = $1", 2 + ClickReportColumns.All.Count);
        _insertLog = Prepare("""
            INSERT INTO postback_log (ReceivedAt, SourceIp, Method, Raw, SubId, Status, "From", Outcome, Message, ConversionId)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            RETURNING Id
            """, 10);
    }

    private const string ConversionColumns = """
        Id, ClickId, SubId, CampaignId, StreamId, OfferId, AffiliateNetworkId, Status, OriginalStatus, RevenueMicros,
        OriginalPayoutMicros, OriginalCurrency, RebillCount, PendingCurrency, PendingMicros, Tid, CreatedAt, ClickedAt, UpdatedAt
        """;

    /// <summary>The click with the subid, with what a postback needs of it; its parameters' JSON is read only when asked for.</summary>
    public (Click Click, string ParametersJson)? FindClick(string subId)
    {
        _findClick.Parameters[0].Value = subId;
        using var r = _findClick.ExecuteReader();
        if (!r.Read()) return null;
        var click = new Click
        {
            Id = r.GetInt64(0),
            SubId = subId,
            CreatedAt = Utc(r.GetDateTime(1)),
            CampaignId = r.GetInt32(2),
            StreamId = NullableInt(r, 3),
            OfferId = NullableInt(r, 4),
            AffiliateNetworkId = NullableInt(r, 5),
            Country = r.GetString(6),
        };
        return (click, r.GetString(7));
    }

    /// <summary>Fills <see cref="Click.Parameters"/> from the stored JSON (only a postback that changes them needs it).</summary>
    public static void LoadParameters(Click click, string json)
    {
        if (string.IsNullOrEmpty(json)) return;
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json);
        if (stored is null) return;
        foreach (var (name, value) in stored) click.Parameters[name] = value;
    }

    public Conversion? FindConversion(long clickId)
    {
        _findConversion.Parameters[0].Value = clickId;
        using var r = _findConversion.ExecuteReader();
        if (!r.Read()) return null;
        return new Conversion
        {
            Id = r.GetInt64(0),
            ClickId = r.GetInt64(1),
            SubId = r.GetString(2),
            CampaignId = r.GetInt32(3),
            StreamId = NullableInt(r, 4),
            OfferId = NullableInt(r, 5),
            AffiliateNetworkId = NullableInt(r, 6),
            Status = Enum.Parse<ConversionStatus>(r.GetString(7)),
            OriginalStatus = r.GetString(8),
            RevenueMicros = r.GetInt64(9),
            OriginalPayoutMicros = r.GetInt64(10),
            OriginalCurrency = r.GetString(11),
            RebillCount = r.GetInt32(12),
            PendingCurrency = r.IsDBNull(13) ? null : r.GetString(13),
            PendingMicros = r.GetInt64(14),
            Tid = r.IsDBNull(15) ? null : r.GetString(15),
            CreatedAt = Utc(r.GetDateTime(16)),
            ClickedAt = Utc(r.GetDateTime(17)),
            UpdatedAt = Utc(r.GetDateTime(18)),
        };
    }

    public List<ConversionTransaction> Transactions(string subId)
    {
        _transactions.Parameters[0].Value = subId;
        using var r = _transactions.ExecuteReader();
        var list = new List<ConversionTransaction>();
        while (r.Read())
            list.Add(new ConversionTransaction
            {
                Id = r.GetInt64(0),
                ConversionId = r.GetInt64(1),
                SubId = r.GetString(2),
                Tid = r.GetString(3),
                Status = Enum.Parse<ConversionStatus>(r.GetString(4)),
                IsRebill = r.GetInt64(5) != 0,
                RevenueMicros = r.GetInt64(6),
                PendingMicros = r.GetInt64(7),
                CreatedAt = Utc(r.GetDateTime(8)),
            });
        return list;
    }

    public void Insert(Conversion c)
    {
        Bind(_insertConversion, c.ClickId, c.SubId, c.CampaignId, c.StreamId, c.OfferId, c.AffiliateNetworkId, c.Status.ToString(),
            c.OriginalStatus, c.RevenueMicros, c.OriginalPayoutMicros, c.OriginalCurrency, c.RebillCount, c.PendingCurrency,
            c.PendingMicros, c.Tid, c.CreatedAt, c.ClickedAt, c.UpdatedAt);
        c.Id = (long)_insertConversion.ExecuteScalar()!;
    }

    public void Update(Conversion c)
    {
        Bind(_updateConversion, c.Id, c.Status.ToString(), c.OriginalStatus, c.RevenueMicros, c.OriginalPayoutMicros,
            c.OriginalCurrency, c.RebillCount, c.PendingCurrency, c.PendingMicros, c.UpdatedAt);
        Affected(_updateConversion.ExecuteNonQuery(), "conversion", c.Id);
    }

    public void Insert(ConversionTransaction t)
    {
        Bind(_insertTransaction, t.ConversionId, t.SubId, t.Tid, t.Status.ToString(), t.IsRebill ? 1 : 0, t.RevenueMicros, t.PendingMicros, t.CreatedAt);
        t.Id = (long)_insertTransaction.ExecuteScalar()!;
    }

    public void Update(ConversionTransaction t)
    {
        Bind(_updateTransaction, t.Id, t.Status.ToString(), t.RevenueMicros, t.PendingMicros);
        Affected(_updateTransaction.ExecuteNonQuery(), "conversion transaction", t.Id);
    }

    /// <summary>Stores the click's parameters (a postback may add or change sub_id_1…) and the report columns copied from them.</summary>
    public void UpdateParameters(Click click)
    {
        _updateClick.Parameters[0].Value = click.Id;
        _updateClick.Parameters[1].Value = JsonSerializer.Serialize(click.Parameters, Json);
        for (var i = 0; i < ClickReportColumns.All.Count; i++)
            _updateClick.Parameters[2 + i].Value = ClickReportColumns.Value(click, ClickReportColumns.All[i]);
        Affected(_updateClick.ExecuteNonQuery(), "click", click.Id);
    }

    public void Insert(PostbackLogEntry e)
    {
        Bind(_insertLog, e.ReceivedAt, e.SourceIp, e.Method, e.Raw, e.SubId, e.Status, e.From, e.Outcome.ToString(), e.Message, e.ConversionId);
        e.Id = (long)_insertLog.ExecuteScalar()!;
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++) command.Parameters.Add(new SqliteParameter($"${i}", null));
        return command;
    }

    private static void Bind(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static void Affected(int rows, string what, long id)
    {
        if (rows != 1) throw new InvalidOperationException($"The {what} {id} was not found to update.");
    }

    private static int? NullableInt(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public void Dispose()
    {
        foreach (var command in new[] { _findClick, _findConversion, _transactions, _insertConversion, _updateConversion,
                     _insertTransaction, _updateTransaction, _updateClick, _insertLog })
            command.Dispose();
    }
}
