using System.Globalization;
using Tracker.Core.Amounts;
using Tracker.Core.Reports;

namespace Tracker.Tests.Infrastructure;

/// <summary>
/// An <see cref="IReportSource"/> for component tests of the Reports page and the dashboard: it sums
/// a list of <see cref="Fact"/>s by the asked groupings and filters, sorts by the asked metric and
/// limits, as the engine's contract says, and records every request, so a test can drive the page and
/// check both what it asked and what it shows. The engine's own exactness is tested against SQLite.
/// </summary>
public sealed class FakeReportSource : IReportSource
{
    /// <summary>Traffic of one day and hour with its keys; ids as text, names as labels.</summary>
    public sealed record Fact(
        DateOnly Day,
        int Hour,
        (string Id, string Name) Campaign,
        (string Id, string Name) Offer,
        (string Id, string Name) Network,
        string Country,
        ReportCounters Counters);

    private readonly Lock _gate = new();
    private readonly List<ReportRequest> _requests = [];

    public List<Fact> Facts { get; } = [];

    public string Currency { get; set; } = "USD";

    /// <summary>When set, the next run throws this (as the engine's validator does).</summary>
    public ArgumentException? NextError { get; set; }

    public IReadOnlyList<ReportRequest> Requests
    {
        get { lock (_gate) return _requests.ToList(); }
    }

    /// <summary>The last request that was not the chart's (which asks for as many points as a chart holds).</summary>
    public ReportRequest? LastTableRequest => Requests.LastOrDefault(r => r.Limit != Tracker.Web.Components.Pages.Reports.ReportChartData.MaxPoints);

    public Task<ReportResult> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        lock (_gate) _requests.Add(request);
        if (NextError is { } error)
        {
            NextError = null;
            throw error;
        }
        if (request.From > request.To) throw new ArgumentException("from: the range starts after it ends.");
        var zone = request.TimeZone ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) throw new ArgumentException($"timeZone: unknown time zone '{zone}'.");

        var matching = Facts.Where(f => f.Day >= request.From && f.Day <= request.To && request.Filters.All(filter => KeyOf(f, filter.Dimension).Value == filter.Value)).ToList();
        var totals = matching.Aggregate(new ReportCounters(), (sum, f) => sum + f.Counters);
        var groups = matching
            .GroupBy(f => string.Join("\u001f", request.GroupBy.Select(d => KeyOf(f, d).Value)))
            .Select(g => new ReportRow(
                request.GroupBy.Select(d => KeyOf(g.First(), d)).ToList(),
                g.Aggregate(new ReportCounters(), (sum, f) => sum + f.Counters)))
            .ToList();
        var sorted = (request.SortDescending
            ? groups.OrderByDescending(r => ReportMetrics.Value(request.SortBy, r.Counters) ?? decimal.MinValue)
            : groups.OrderBy(r => ReportMetrics.Value(request.SortBy, r.Counters) ?? decimal.MaxValue)).ToList();
        var rows = sorted.Take(request.Limit).ToList();
        return Task.FromResult(new ReportResult(rows, totals, Currency, zone, sorted.Count > rows.Count));
    }

    private static ReportKey KeyOf(Fact f, ReportDimension d)
    {
        var day = f.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return d switch
        {
            ReportDimension.Day => new ReportKey(d, day, day),
            ReportDimension.Hour => new ReportKey(d, $"{day} {f.Hour:00}:00", $"{day} {f.Hour:00}:00"),
            ReportDimension.Week => new ReportKey(d, ISOWeek.GetYear(f.Day.ToDateTime(TimeOnly.MinValue)) + "-W" + ISOWeek.GetWeekOfYear(f.Day.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture), ""),
            ReportDimension.Month => new ReportKey(d, day[..7], day[..7]),
            ReportDimension.Campaign => new ReportKey(d, f.Campaign.Id, f.Campaign.Name),
            ReportDimension.Offer => new ReportKey(d, f.Offer.Id, f.Offer.Name),
            ReportDimension.AffiliateNetwork => new ReportKey(d, f.Network.Id, f.Network.Name),
            ReportDimension.Country => new ReportKey(d, f.Country, f.Country),
            ReportDimension.Stream or ReportDimension.OfferGroup or ReportDimension.Source or ReportDimension.Keyword
                or ReportDimension.SubId1 or ReportDimension.SubId2 or ReportDimension.SubId3 or ReportDimension.SubId4
                or ReportDimension.SubId5 => new ReportKey(d, "", ""),
        };
    }

    /// <summary>Counters of <paramref name="clicks"/> clicks with <paramref name="sales"/> sales and the given money (in units).</summary>
    public static ReportCounters Counters(long clicks, long sales = 0, decimal revenue = 0, decimal cost = 0, long leads = 0) =>
        new(clicks, clicks, leads, sales, 0, 0, Money.ToMicros(revenue), 0, Money.ToMicros(cost));
}
