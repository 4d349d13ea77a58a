using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>A report question (POST /api/v1/reports).</summary>
public sealed record ReportRequestDto
{
    [Description("First day, included (yyyy-MM-dd), in timeZone.")]
    public string? From { get; init; }

    [Description("Last day, included (yyyy-MM-dd), in timeZone.")]
    public string? To { get; init; }

    [Description("IANA time zone the days (and hours) are in, e.g. Europe/Berlin or Asia/Kolkata. Default: the settings' zone.")]
    public string? TimeZone { get; init; }

    [Description("Up to three levels, in order: day, hour, week, month, campaign, stream, offer, offerGroup, affiliateNetwork, country, source, keyword, sub_id_1 … sub_id_5. Hour covers at most 31 days.")]
    public List<string?>? GroupBy { get; init; }

    [Description("Only what matches every filter: campaignId, streamId, offerId, offerGroupId, affiliateNetworkId (ids), country (ISO code, \"\" = unknown), source, keyword, sub_id_1 … sub_id_5 (exact text, \"\" = not sent).")]
    public Dictionary<string, JsonElement>? Filters { get; init; }

    [Description("click (default): a conversion counts at its click's time; conversion: at the time the network reported it (rebills at theirs).")]
    public string? Attribution { get; init; }

    [Description("Sort rows by a metric (default: clicks, descending; or in time order when the first level is time).")]
    public ReportSortDto? Sort { get; init; }

    [Description("At most this many rows, 1–10000 (default 500); totals always cover every row.")]
    public int? Limit { get; init; }
}

public sealed record ReportSortDto
{
    [Description("A metric: clicks, uniqueClicks, bots, conversions, leads, sales, rejected, rebills, revenue, revenueHold, cost, profit, roi, cr, epc, cpc.")]
    public string? By { get; init; }

    [Description("Largest first (default true).")]
    public bool? Desc { get; init; }
}

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
