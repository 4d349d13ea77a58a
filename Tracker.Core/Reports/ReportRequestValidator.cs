using System.Globalization;
using Tracker.Core.Geo;
using Tracker.Core.Offers;
using Tracker.Core.Validation;

namespace Tracker.Core.Reports;

/// <summary>
/// Every rule a report request must follow, with messages keyed by the API's field names (from, to,
/// timeZone, groupBy, filters.&lt;name&gt;, sort.by, limit, attribution), shared by the API and the pages.
/// </summary>
public static class ReportRequestValidator
{
    public const int MaxGroupBy = 3;
    public const int MaxLimit = 10_000;
    public const int DefaultLimit = 500;
    /// <summary>Hour grouping covers at most this many days (31 × 24 rows per other group is already a lot).</summary>
    public const int MaxHourDays = 31;
    /// <summary>A report covers at most this many days.</summary>
    public const int MaxDays = 3_700;
    public const int MaxFilterLength = 500;

    private static string DimensionNames => string.Join(", ", ReportNames.AllDimensions.Select(ReportNames.Name));
    private static string MetricNames => string.Join(", ", ReportNames.AllMetrics.Select(ReportNames.Name));

    /// <summary>Parses and validates text; null (with <paramref name="errors"/> filled) when anything is wrong.</summary>
    /// <param name="defaultTimeZone">Settings' zone, used when the request names none.</param>
    public static ReportRequest? Parse(ReportRequestInput input, string defaultTimeZone, ValidationErrors errors)
    {
        var from = Date(input.From, "from", errors);
        var to = Date(input.To, "to", errors);

        var zone = string.IsNullOrWhiteSpace(input.TimeZone) ? defaultTimeZone : input.TimeZone.Trim();

        var groupBy = new List<ReportDimension>();
        foreach (var name in input.GroupBy ?? [])
        {
            if (ReportNames.TryDimension(name?.Trim(), out var d)) groupBy.Add(d);
            else errors.Add("groupBy", $"'{Shorten(name ?? "null")}' is not a grouping. Use up to {MaxGroupBy} of: {DimensionNames}.");
        }

        var filters = new List<ReportFilter>();
        foreach (var (name, value) in input.Filters ?? new Dictionary<string, string?>())
        {
            var field = $"filters.{name}";
            if (!ReportNames.TryFilter(name, out var d) || ReportNames.IsTime(d))
            {
                errors.Add(field, $"'{Shorten(name)}' is not a filter. Use: {string.Join(", ", ReportNames.AllDimensions.Where(x => !ReportNames.IsTime(x)).Select(ReportNames.FilterName))}; dates go in from and to.");
                continue;
            }
            if (value is null)
            {
                errors.Add(field, ReportNames.IsId(d) ? "Expected an id (a whole number)." : "Expected a string.");
                continue;
            }
            filters.Add(new ReportFilter(d, value));
        }

        var attribution = ReportAttribution.Click;
        if (!string.IsNullOrWhiteSpace(input.Attribution))
        {
            switch (input.Attribution.Trim())
            {
                case "click": attribution = ReportAttribution.Click; break;
                case "conversion": attribution = ReportAttribution.Conversion; break;
                default: errors.Add("attribution", $"'{Shorten(input.Attribution)}' is not an attribution. Use click (a conversion counts at its click's time) or conversion (at the conversion's time)."); break;
            }
        }

        var sortBy = ReportMetric.Clicks;
        var sortByKeys = false;
        if (input.SortBy is null)
        {
            // Time first reads best in time order; otherwise the biggest groups first.
            sortByKeys = groupBy.Count > 0 && ReportNames.IsTime(groupBy[0]);
        }
        else if (!ReportNames.TryMetric(input.SortBy.Trim(), out sortBy))
        {
            errors.Add("sort.by", $"'{Shorten(input.SortBy)}' is not a metric. Use one of: {MetricNames}.");
        }

        if (!errors.IsValid || from is null || to is null) return null;
        var request = new ReportRequest
        {
            From = from.Value,
            To = to.Value,
            TimeZone = zone,
            GroupBy = groupBy,
            Filters = filters,
            Attribution = attribution,
            SortBy = sortBy,
            SortDescending = input.SortDescending ?? !sortByKeys,
            SortByKeys = sortByKeys,
            Limit = input.Limit ?? DefaultLimit,
        };
        var ruleErrors = Validate(request, defaultTimeZone);
        foreach (var (field, messages) in ruleErrors.ToDictionary())
            foreach (var message in messages) errors.Add(field, message);
        return errors.IsValid ? Normalize(request, defaultTimeZone) : null;
    }

    /// <summary>The rules over a typed request (the pages build these directly).</summary>
    public static ValidationErrors Validate(ReportRequest request, string defaultTimeZone)
    {
        var e = new ValidationErrors();
        var zoneId = string.IsNullOrWhiteSpace(request.TimeZone) ? defaultTimeZone : request.TimeZone.Trim();
        if (!ZonedDay.TryFindZone(zoneId, out _))
            e.Add("timeZone", $"'{Shorten(zoneId)}' is not a time zone. Use an IANA name such as Europe/Berlin, Asia/Kolkata or UTC.");

        if (request.From < ReportTime.MinDate || request.From > ReportTime.MaxDate)
            e.Add("from", $"Use a day from {Day(ReportTime.MinDate)} to {Day(ReportTime.MaxDate)}.");
        if (request.To < ReportTime.MinDate || request.To > ReportTime.MaxDate)
            e.Add("to", $"Use a day from {Day(ReportTime.MinDate)} to {Day(ReportTime.MaxDate)}.");
        var days = request.To.DayNumber - request.From.DayNumber + 1;
        if (request.From > request.To)
            e.Add("to", $"'to' ({Day(request.To)}) is before 'from' ({Day(request.From)}): both days are included, so 'to' must be the same day or later.");
        else if (days > MaxDays)
            e.Add("to", $"A report covers at most {MaxDays} days; this one asks for {days}.");

        if (request.GroupBy.Count > MaxGroupBy)
            e.Add("groupBy", $"Group by at most {MaxGroupBy} levels; {request.GroupBy.Count} were given.");
        foreach (var duplicate in request.GroupBy.GroupBy(d => d).Where(g => g.Count() > 1))
            e.Add("groupBy", $"'{ReportNames.Name(duplicate.Key)}' is given twice: each level groups by something else.");
        if (request.GroupBy.Contains(ReportDimension.Hour) && request.From <= request.To && days > MaxHourDays)
            e.Add("groupBy", $"Grouping by hour covers at most {MaxHourDays} days; this report has {days}. Group by day, or shorten from–to.");

        foreach (var duplicate in request.Filters.GroupBy(f => f.Dimension).Where(g => g.Count() > 1))
            e.Add($"filters.{ReportNames.FilterName(duplicate.Key)}", "Given twice: filter each dimension once.");
        foreach (var filter in request.Filters)
        {
            var field = $"filters.{ReportNames.FilterName(filter.Dimension)}";
            if (ReportNames.IsTime(filter.Dimension))
                e.Add(field, "Time is filtered with from and to, not a filter.");
            else if (ReportNames.IsId(filter.Dimension) && !TryId(filter.Value, out _))
                e.Add(field, $"'{Shorten(filter.Value)}' is not an id: use a positive whole number, e.g. 12.");
            else if (filter.Dimension == ReportDimension.Country && filter.Value.Length > 0 && !CountryCode.IsValid(filter.Value))
                e.Add(field, $"'{Shorten(filter.Value)}' is not a country: use an ISO 3166-1 alpha-2 code such as DE, or \"\" for clicks whose country is unknown.");
            else if (filter.Value.Length > MaxFilterLength)
                e.Add(field, $"At most {MaxFilterLength} characters.");
        }

        if (request.Limit < 1 || request.Limit > MaxLimit)
            e.Add("limit", $"Use a whole number from 1 to {MaxLimit}.");
        return e;
    }

    /// <summary>Validates and throws <see cref="ArgumentException"/> naming the first problem (for <see cref="IReportSource"/>).</summary>
    public static ReportRequest Require(ReportRequest request, string defaultTimeZone)
    {
        var e = Validate(request, defaultTimeZone);
        if (!e.IsValid)
        {
            var (field, messages) = e.ToDictionary().First();
            throw new ArgumentException($"{field}: {messages[0]}", nameof(request));
        }
        return Normalize(request, defaultTimeZone);
    }

    /// <summary>An id filter's value as an id.</summary>
    public static bool TryId(string value, out int id) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static ReportRequest Normalize(ReportRequest r, string defaultTimeZone) => r with
    {
        TimeZone = string.IsNullOrWhiteSpace(r.TimeZone) ? defaultTimeZone : r.TimeZone.Trim(),
        Filters = r.Filters.Select(f => f.Dimension == ReportDimension.Country ? f with { Value = f.Value.Trim().ToUpperInvariant() }
            : ReportNames.IsId(f.Dimension) ? f with { Value = f.Value.Trim() } : f).ToList(),
    };

    private static DateOnly? Date(string? text, string field, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            e.Add(field, "Required: a day such as 2026-11-30.");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        e.Add(field, $"'{Shorten(text)}' is not a day: use yyyy-MM-dd, e.g. 2026-11-30.");
        return null;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
