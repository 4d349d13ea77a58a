namespace Tracker.Web.Reports;

/// <summary>The portable SQL of the rollups (ANSI upsert: SQLite 3.24+ and PostgreSQL 9.5+).</summary>
public static class RollupSql
{
    public const string Table = "report_rollups";

    public static readonly string[] KeyColumns = ["Grain", "Bucket", "CampaignId", "StreamId", "OfferId", "AffiliateNetworkId", "Country"];

    public static readonly string[] CounterColumns =
    [
        "Clicks", "UniqueClicks", "CostMicros", "ClickRevenueMicros",
        "Leads", "Sales", "Rejected", "Rebills", "RevenueMicros", "RevenueHoldMicros",
        "LeadsAtConversion", "SalesAtConversion", "RejectedAtConversion", "RebillsAtConversion", "RevenueMicrosAtConversion", "RevenueHoldMicrosAtConversion",
        "BotClicks",
    ];

    /// <summary>Adds the counters to the row with the key, creating it when missing. Parameters ?1…?24: key, then counters.</summary>
    public static readonly string Upsert =
        $"INSERT INTO {Table} ({string.Join(", ", KeyColumns.Concat(CounterColumns))}) " +
        $"VALUES ({string.Join(", ", Enumerable.Range(1, KeyColumns.Length + CounterColumns.Length).Select(i => $"?{i}"))}) " +
        $"ON CONFLICT ({string.Join(", ", KeyColumns)}) DO UPDATE SET " +
        string.Join(", ", CounterColumns.Select(c => $"{c} = {Table}.{c} + excluded.{c}"));

    public const string ReadState = "SELECT DayZone, DayBuiltUntil FROM report_rollup_state WHERE Id = 1";

    /// <summary>Moves <see cref="ReportRollupState.ClicksThrough"/> to <c>?1</c>.</summary>
    public const string SetClicksThrough = "UPDATE report_rollup_state SET ClicksThrough = max(ClicksThrough, ?1) WHERE Id = 1";
}
