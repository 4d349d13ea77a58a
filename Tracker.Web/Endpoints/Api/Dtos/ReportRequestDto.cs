using System.ComponentModel;
using System.Text.Json;

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
