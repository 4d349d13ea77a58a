using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Tracker.Core.Conversions;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Conversions;

namespace Tracker.Web.Endpoints.Api;

/// <summary>Query parameters of <c>GET /conversions</c>, taken as text so a wrong value answers a 400 naming it.</summary>
public sealed record ConversionListParameters(
    [property: Description("First day (yyyy-MM-dd, in the settings' time zone) or an ISO 8601 time."), FromQuery(Name = "from")] string? From = null,
    [property: Description("Last day, included (yyyy-MM-dd), or an ISO 8601 time (excluded)."), FromQuery(Name = "to")] string? To = null,
    [property: Description("Only this offer's conversions."), FromQuery(Name = "offerId")] string? OfferId = null,
    [property: Description("lead, sale or rejected."), FromQuery(Name = "status")] string? Status = null,
    [property: Description("One click's conversion."), FromQuery(Name = "subid")] string? SubId = null,
    [property: Description("How many matching conversions to skip (default 0)."), FromQuery(Name = "skip")] string? Skip = null,
    [property: Description("Page size, 1–1000 (default 100)."), FromQuery(Name = "take")] string? Take = null,
    [property: Description("true: only conversions whose revenue waits for an exchange rate."), FromQuery(Name = "awaitingRate")] string? AwaitingRate = null)
{
    public const int DefaultTake = 100;
    public const int MaxTake = 1000;
    private static readonly string[] Statuses = ["lead", "sale", "rejected"];

    public (ConversionFilter Filter, int Skip, int Take, ValidationErrors Errors) ToFilter(TimeZoneInfo zone)
    {
        var e = new ValidationErrors();
        var from = Bound(From, "from", zone, isEnd: false, e);
        var to = Bound(To, "to", zone, isEnd: true, e);
        if (from is not null && to is not null && from >= to) e.Add("to", "'to' must be after 'from'.");
        int? offerId = null;
        if (!string.IsNullOrWhiteSpace(OfferId))
        {
            if (int.TryParse(OfferId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) offerId = id;
            else e.Add("offerId", $"'{ConversionsApi.Shorten(OfferId)}' is not an id: use a positive whole number.");
        }
        ConversionStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (Statuses.Contains(Status.Trim().ToLowerInvariant()) && ConversionStatuses.TryParseNative(Status, out var s)) status = s;
            else e.Add("status", $"'{ConversionsApi.Shorten(Status)}' is not allowed. Use one of: {string.Join(", ", Statuses)}.");
        }
        var skip = ConversionsApi.Number(Skip, "skip", 0, 0, int.MaxValue, e);
        var take = ConversionsApi.Number(Take, "take", DefaultTake, 1, MaxTake, e);
        var subId = string.IsNullOrWhiteSpace(SubId) ? null : SubId.Trim();
        var awaitingRate = false;
        if (!string.IsNullOrWhiteSpace(AwaitingRate) && !bool.TryParse(AwaitingRate.Trim(), out awaitingRate))
            e.Add("awaitingRate", $"'{ConversionsApi.Shorten(AwaitingRate)}' is not allowed. Use true or false.");
        return (new ConversionFilter(from, to, offerId, status, subId, awaitingRate), skip, take, e);
    }

    internal static void Describe(OpenApiOperation operation) => AdminApiDocument.DescribeParameters(operation, name => name switch
    {
        "offerId" => AdminApiDocument.WholeNumber(1),
        "skip" => AdminApiDocument.WholeNumber(0, defaultValue: 0),
        "take" => AdminApiDocument.WholeNumber(1, MaxTake, DefaultTake),
        "status" => AdminApiDocument.Words(Statuses),
        "awaitingRate" => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = false },
        _ => null,
    });

    private static DateTime? Bound(string? text, string field, TimeZoneInfo zone, bool isEnd, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (ZonedDay.TryOf(date, zone, out var day)) return isEnd ? day.EndUtc : day.StartUtc;
            errors.Add(field, $"'{t}' is outside the supported dates: use a day from {ZonedDay.SupportedRange}, or leave '{field}' out for no limit.");
            return null;
        }
        if (t.Contains('T') && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.UtcDateTime;
        errors.Add(field, $"'{ConversionsApi.Shorten(t)}' is not a date (2026-11-01) or an ISO 8601 time (2026-11-01T12:00:00Z).");
        return null;
    }
}
