using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Web.Clicks;
using Tracker.Web.Reports;

namespace Tracker.Web.Postbacks;

/// <summary>
/// The rows a postback reads and writes, through prepared statements on the postback writer's own
/// connection: the click by subid, its conversion and transactions, and the inserts and updates a
/// decision needs. Writes exactly what EF Core reads back (times as UTC text, enums by name,
/// booleans as 0/1, click parameters as JSON). Talks to SQLite directly (positional binding, no
/// reader or parameter objects): a postback runs about ten statements, and the ADO.NET layer's
/// per-execution cost was most of a postback's. Used by the writer thread only.
/// </summary>
internal sealed class PostbackRows : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly sqlite3 _db;
    private readonly Statement _findClick;
    private readonly Statement _findConversion;
    private readonly Statement _transactions;
    private readonly Statement _insertConversion;
    private readonly Statement _updateConversion;
    private readonly Statement _insertTransaction;
    private readonly Statement _updateTransaction;
    private readonly Statement _updateClick;
    private readonly Statement _insertLog;

    public PostbackRows(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        _findClick = Prepare(ClickSubIds.FindSql(
            "Id, CreatedAt, CampaignId, StreamId, OfferId, AffiliateNetworkId, Country, Parameters, BotReason"));
        _findConversion = Prepare(
            $"SELECT {ConversionColumns} FROM conversions WHERE ClickId = ?1");
        _transactions = Prepare("""
            SELECT Id, ConversionId, SubId, Tid, Status, IsRebill, RevenueMicros, PendingMicros, CreatedAt
            FROM conversion_transactions WHERE SubId = ?1 ORDER BY Id
            """);
        _insertConversion = Prepare("""
            INSERT INTO conversions (ClickId, SubId, CampaignId, StreamId, OfferId, AffiliateNetworkId, Status,
                OriginalStatus, RevenueMicros, OriginalPayoutMicros, OriginalCurrency, RebillCount, PendingCurrency,
                PendingMicros, Tid, CreatedAt, ClickedAt, UpdatedAt)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
            """);
        _updateConversion = Prepare("""
            UPDATE conversions SET Status = ?2, OriginalStatus = ?3, RevenueMicros = ?4, OriginalPayoutMicros = ?5,
                OriginalCurrency = ?6, RebillCount = ?7, PendingCurrency = ?8, PendingMicros = ?9, UpdatedAt = ?10
            WHERE Id = ?1
            """);
        _insertTransaction = Prepare("""
            INSERT INTO conversion_transactions (ConversionId, SubId, Tid, Status, IsRebill, RevenueMicros, PendingMicros, CreatedAt)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """);
        _updateTransaction = Prepare(
            "UPDATE conversion_transactions SET Status = ?2, RevenueMicros = ?3, PendingMicros = ?4 WHERE Id = ?1");
        var reportColumns = string.Join(", ", ClickReportColumns.All.Select((c, i) => $"{c.Column} = ?{i + 3}"));
        _updateClick = Prepare($"UPDATE clicks SET Parameters = ?2, {reportColumns} WHERE Id = ?1");
        _insertLog = Prepare("""
            INSERT INTO postback_log (ReceivedAt, SourceIp, Method, Raw, SubId, Status, "From", Outcome, Message, ConversionId)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """);
    }

    private const string ConversionColumns = """
        Id, ClickId, SubId, CampaignId, StreamId, OfferId, AffiliateNetworkId, Status, OriginalStatus, RevenueMicros,
        OriginalPayoutMicros, OriginalCurrency, RebillCount, PendingCurrency, PendingMicros, Tid, CreatedAt, ClickedAt, UpdatedAt
        """;

    /// <summary>The click with the subid, with what a postback needs of it; its parameters' JSON is read only when asked for.</summary>
    public (Click Click, string ParametersJson)? FindClick(string subId)
    {
        var (from, to) = ClickSubIds.Bounds(subId);
        using var r = _findClick.Run(subId, from, to);
        if (!r.Row()) return null;
        var click = new Click
        {
            Id = r.Long(0),
            SubId = subId,
            CreatedAt = r.Time(1),
            CampaignId = r.Int(2),
            StreamId = r.NullableInt(3),
            OfferId = r.NullableInt(4),
            AffiliateNetworkId = r.NullableInt(5),
            Country = r.Text(6),
            BotReason = (BotReason)r.Int(8),
        };
        return (click, r.Text(7));
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
        using var r = _findConversion.Run(clickId);
        if (!r.Row()) return null;
        return new Conversion
        {
            Id = r.Long(0),
            ClickId = r.Long(1),
            SubId = r.Text(2),
            CampaignId = r.Int(3),
            StreamId = r.NullableInt(4),
            OfferId = r.NullableInt(5),
            AffiliateNetworkId = r.NullableInt(6),
            Status = Enum.Parse<ConversionStatus>(r.Text(7)),
            OriginalStatus = r.Text(8),
            RevenueMicros = r.Long(9),
            OriginalPayoutMicros = r.Long(10),
            OriginalCurrency = r.Text(11),
            RebillCount = r.Int(12),
            PendingCurrency = r.NullableText(13),
            PendingMicros = r.Long(14),
            Tid = r.NullableText(15),
            CreatedAt = r.Time(16),
            ClickedAt = r.Time(17),
            UpdatedAt = r.Time(18),
        };
    }

    public List<ConversionTransaction> Transactions(string subId)
    {
        using var r = _transactions.Run(subId);
        var list = new List<ConversionTransaction>();
        while (r.Row())
            list.Add(new ConversionTransaction
            {
                Id = r.Long(0),
                ConversionId = r.Long(1),
                SubId = r.Text(2),
                Tid = r.Text(3),
                Status = Enum.Parse<ConversionStatus>(r.Text(4)),
                IsRebill = r.Long(5) != 0,
                RevenueMicros = r.Long(6),
                PendingMicros = r.Long(7),
                CreatedAt = r.Time(8),
            });
        return list;
    }

    public void Insert(Conversion c)
    {
        c.Id = _insertConversion.Insert(c.ClickId, c.SubId, c.CampaignId, c.StreamId, c.OfferId, c.AffiliateNetworkId, c.Status.ToString(),
            c.OriginalStatus, c.RevenueMicros, c.OriginalPayoutMicros, c.OriginalCurrency, c.RebillCount, c.PendingCurrency,
            c.PendingMicros, c.Tid, c.CreatedAt, c.ClickedAt, c.UpdatedAt);
    }

    public void Update(Conversion c)
    {
        var rows = _updateConversion.Execute(c.Id, c.Status.ToString(), c.OriginalStatus, c.RevenueMicros, c.OriginalPayoutMicros,
            c.OriginalCurrency, c.RebillCount, c.PendingCurrency, c.PendingMicros, c.UpdatedAt);
        Affected(rows, "conversion", c.Id);
    }

    public void Insert(ConversionTransaction t)
    {
        t.Id = _insertTransaction.Insert(t.ConversionId, t.SubId, t.Tid, t.Status.ToString(), t.IsRebill ? 1 : 0, t.RevenueMicros, t.PendingMicros, t.CreatedAt);
    }

    public void Update(ConversionTransaction t)
    {
        Affected(_updateTransaction.Execute(t.Id, t.Status.ToString(), t.RevenueMicros, t.PendingMicros), "conversion transaction", t.Id);
    }

    /// <summary>Stores the click's parameters (a postback may add or change sub_id_1…) and the report columns copied from them.</summary>
    public void UpdateParameters(Click click)
    {
        var values = new object?[2 + ClickReportColumns.All.Count];
        values[0] = click.Id;
        values[1] = JsonSerializer.Serialize(click.Parameters, Json);
        for (var i = 0; i < ClickReportColumns.All.Count; i++)
            values[2 + i] = ClickReportColumns.Value(click, ClickReportColumns.All[i]);
        Affected(_updateClick.Execute(values), "click", click.Id);
    }

    public void Insert(PostbackLogEntry e)
    {
        e.Id = _insertLog.Insert(e.ReceivedAt, e.SourceIp, e.Method, e.Raw, e.SubId, e.Status, e.From, e.Outcome.ToString(), e.Message, e.ConversionId);
    }

    private Statement Prepare(string sql) => new(_db, sql);

    private static void Affected(int rows, string what, long id)
    {
        if (rows != 1) throw new InvalidOperationException($"The {what} {id} was not found to update.");
    }

    public void Dispose()
    {
        foreach (var command in new[] { _findClick, _findConversion, _transactions, _insertConversion, _updateConversion,
                     _insertTransaction, _updateTransaction, _updateClick, _insertLog })
            command.Dispose();
    }
}
