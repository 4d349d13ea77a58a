using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Tracker.Core.Conversions;
using Tracker.Core.Validation;
using Tracker.Web.Conversions;

namespace Tracker.Web.Endpoints.Api;

/// <summary>Query parameters of <c>GET /postbacks</c>.</summary>
public sealed record PostbackListParameters(
    [property: Description("How many postbacks, newest first: 1–1000 (default 100)."), FromQuery(Name = "limit")] string? Limit = null,
    [property: Description("Only postbacks for this subid."), FromQuery(Name = "subid")] string? SubId = null,
    [property: Description("Only this outcome: created, status_changed, rebill_added, duplicate_ignored, unknown_sub_id, transition_not_allowed, ignored_status, malformed, forbidden, failed."), FromQuery(Name = "outcome")] string? Outcome = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly Dictionary<string, PostbackOutcome> Outcomes = Enum.GetValues<PostbackOutcome>()
        .ToDictionary(o => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(o.ToString()), o => o, StringComparer.OrdinalIgnoreCase);

    public (PostbackFilter Filter, int Limit, ValidationErrors Errors) ToFilter()
    {
        var e = new ValidationErrors();
        var limit = ConversionsApi.Number(Limit, "limit", DefaultLimit, 1, MaxLimit, e);
        PostbackOutcome? outcome = null;
        if (!string.IsNullOrWhiteSpace(Outcome))
        {
            if (Outcomes.TryGetValue(Outcome.Trim(), out var o)) outcome = o;
            else e.Add("outcome", $"'{ConversionsApi.Shorten(Outcome)}' is not allowed. Use one of: {string.Join(", ", Outcomes.Keys)}.");
        }
        var subId = string.IsNullOrWhiteSpace(SubId) ? null : SubId.Trim();
        return (new PostbackFilter(subId, outcome), limit, e);
    }

    internal static void Describe(OpenApiOperation operation) => AdminApiDocument.DescribeParameters(operation, name => name switch
    {
        "limit" => AdminApiDocument.WholeNumber(1, MaxLimit, DefaultLimit),
        "outcome" => AdminApiDocument.Words(Outcomes.Keys),
        _ => null,
    });
}
