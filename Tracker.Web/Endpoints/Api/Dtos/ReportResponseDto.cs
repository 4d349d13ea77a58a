using System.ComponentModel;
using System.Text.Json.Nodes;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>A report: rows (group keys, then metrics), totals over everything that matched, money in <c>currency</c>.</summary>
public sealed record ReportResponseDto
{
    public required string From { get; init; }
    public required string To { get; init; }
    public required string TimeZone { get; init; }
    public required string Attribution { get; init; }
    public required List<string> GroupBy { get; init; }

    [Description("ISO 4217 code of every amount (the settings' base currency).")]
    public required string Currency { get; init; }

    [Description("One object per group: its keys (day, hour, week, month as text in timeZone; offerId and offerName, campaignId and campaignName …, null id = none; country and countryName; source, keyword, sub_id_N as text) then clicks, uniqueClicks, bots, conversions, leads, sales, rejected, rebills (whole numbers), revenue, revenueHold, cost, profit, epc, cpc (decimals in currency), roi and cr (percent). A ratio without a divisor is null.")]
    public required List<JsonObject> Rows { get; init; }

    [Description("The metrics over every click and conversion that matched, not only the rows returned.")]
    public required JsonObject Totals { get; init; }

    [Description("True when more groups matched than limit; totals still cover all of them.")]
    public required bool Truncated { get; init; }
}
