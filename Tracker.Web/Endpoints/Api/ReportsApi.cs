using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Core.Reports;
using Tracker.Web.Endpoints.Api.Dtos;
using Tracker.Web.Services;

namespace Tracker.Web.Endpoints.Api;

/// <summary><c>POST /api/v1/reports</c>: clicks, conversions and money grouped, filtered and summed.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/reports", RunAsync).WithName("RunReport").WithTags("Reports")
            .WithSummary("Run a report")
            .WithDescription("Groups clicks and conversions by up to three levels (time in any IANA zone, campaign, stream, offer, offer group, network, country, traffic-source parameters), " +
                             "filters them, and sums the metrics defined in docs/reports.md. Every invalid field answers 400 naming it.");
        return api;
    }

    private static async Task<Results<Ok<ReportResponseDto>, ValidationProblem>> RunAsync(
        JsonBody<ReportRequestDto> body, IReportSource reports, SettingsStore settings, CancellationToken ct)
    {
        if (body.Value is not { } dto) return TypedResults.ValidationProblem(body.Errors.ToDictionary());
        var input = new ReportRequestInput(dto.From, dto.To, dto.TimeZone, dto.GroupBy,
            dto.Filters?.ToDictionary(kv => kv.Key, kv => FilterText(kv.Value), StringComparer.Ordinal),
            dto.Attribution, dto.Sort?.By, dto.Sort?.Desc, dto.Limit);
        var errors = new Core.Validation.ValidationErrors();
        var request = ReportRequestValidator.Parse(input, settings.Current.TimeZone, errors);
        if (request is null) return TypedResults.ValidationProblem(errors.ToDictionary());

        var result = await reports.RunAsync(request, ct);
        return TypedResults.Ok(new ReportResponseDto
        {
            From = Day(request.From),
            To = Day(request.To),
            TimeZone = result.TimeZone,
            Attribution = request.Attribution == ReportAttribution.Click ? "click" : "conversion",
            GroupBy = request.GroupBy.Select(ReportNames.Name).ToList(),
            Currency = result.Currency,
            Rows = result.Rows.Select(Row).ToList(),
            Totals = Metrics(new JsonObject(), result.Totals),
            Truncated = result.Truncated,
        });
    }

    /// <summary>A filter's value as text: strings and numbers; null (a 400) for anything else.</summary>
    private static string? FilterText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Undefined or JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.True
            or JsonValueKind.False or JsonValueKind.Null => null,
        _ => null,
    };

    /// <summary>The row as the contract names it: keys first, then every metric.</summary>
    public static JsonObject Row(ReportRow row)
    {
        var o = new JsonObject();
        foreach (var key in row.Keys)
        {
            var d = key.Dimension;
            if (ReportNames.IsId(d))
            {
                o[ReportNames.FilterName(d)] = key.Value.Length == 0 ? null : JsonValue.Create(int.Parse(key.Value, CultureInfo.InvariantCulture));
                o[ReportNames.Name(d) + "Name"] = key.Label;
            }
            else if (d == ReportDimension.Country)
            {
                o["country"] = key.Value;
                o["countryName"] = key.Label;
            }
            else
            {
                o[ReportNames.Name(d)] = key.Value;
            }
        }
        return Metrics(o, row.Counters);
    }

    private static JsonObject Metrics(JsonObject o, ReportCounters c)
    {
        foreach (var metric in ReportNames.AllMetrics)
        {
            var value = ReportMetrics.Value(metric, c);
            o[ReportNames.Name(metric)] = value is null ? null
                : ReportMetrics.IsMoney(metric) || ReportMetrics.IsPercent(metric) ? JsonValue.Create(value.Value)
                : JsonValue.Create((long)value.Value);
        }
        return o;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
