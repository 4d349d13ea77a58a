using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Core.Offers;
using Tracker.Core.Reports;
using Tracker.Web.Data;

namespace Tracker.Tests.Integration.Reports;

/// <summary>
/// The brute-force answer to a report: every raw click and conversion row read back, each placed in
/// its group by plain date arithmetic in the zone, summed. Written from the definitions in
/// docs/reports.md, independently of the rollups and of the engine's SQL.
/// </summary>
internal sealed class ReportOracle
{
    private readonly List<Click> _clicks;
    private readonly List<Conversion> _conversions;
    private readonly ILookup<long, ConversionTransaction> _transactions;
    private readonly Dictionary<int, int?> _offerGroups;

    private ReportOracle(List<Click> clicks, List<Conversion> conversions, List<ConversionTransaction> transactions, List<Offer> offers)
    {
        _clicks = clicks;
        _conversions = conversions;
        _transactions = transactions.ToLookup(t => t.ConversionId);
        _offerGroups = offers.ToDictionary(o => o.Id, o => o.GroupId);
    }

    public IReadOnlyList<Click> Clicks => _clicks;

    public static async Task<ReportOracle> LoadAsync(TrackerDbContext db) => new(
        await db.Clicks.AsNoTracking().ToListAsync(),
        await db.Conversions.AsNoTracking().ToListAsync(),
        await db.ConversionTransactions.AsNoTracking().ToListAsync(),
        await db.Offers.AsNoTracking().ToListAsync());

    public int? GroupOf(int? offerId) => offerId is { } id && _offerGroups.TryGetValue(id, out var g) ? g : null;

    /// <summary>Group key (the values joined by '|') → counters, without groups whose counters are all zero; and the totals.</summary>
    public (Dictionary<string, ReportCounters> Groups, ReportCounters Totals) Run(ReportRequest request)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone!);
        var groups = new Dictionary<string, ReportCounters>();
        var totals = default(ReportCounters);
        var clicksById = _clicks.ToDictionary(c => c.Id);

        void Add(Click click, DateTime at, ReportCounters counters)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
            var date = DateOnly.FromDateTime(local);
            if (date < request.From || date > request.To) return;
            if (!request.Filters.All(f => ValueOf(click, f.Dimension, zone, at) == f.Value)) return;
            var key = string.Join("|", request.GroupBy.Select(d => ValueOf(click, d, zone, at)));
            groups[key] = groups.GetValueOrDefault(key) + counters;
            totals += counters;
        }

        foreach (var click in _clicks)
            Add(click, click.CreatedAt, new ReportCounters(1, click.IsUnique ? 1 : 0, 0, 0, 0, 0, click.RevenueMicros, 0, click.CostBaseMicros, click.IsBot ? 1 : 0));

        foreach (var conversion in _conversions)
        {
            var click = clicksById[conversion.ClickId];
            var rebills = _transactions[conversion.Id].Where(t => t.IsRebill && t.Status == ConversionStatus.Rebill).ToList();
            var baseRevenue = conversion.RevenueMicros - rebills.Sum(r => r.RevenueMicros);
            var byClick = request.Attribution == ReportAttribution.Click;
            var at = byClick ? click.CreatedAt : conversion.CreatedAt;
            switch (conversion.Status)
            {
                case ConversionStatus.Lead:
                    Add(click, at, new ReportCounters(0, 0, 1, 0, 0, 0, 0, baseRevenue, 0));
                    break;
                case ConversionStatus.Sale:
                case ConversionStatus.Rebill:
                    Add(click, at, new ReportCounters(0, 0, 0, 1, 0, 0, baseRevenue, 0, 0));
                    break;
                case ConversionStatus.Rejected:
                    Add(click, at, new ReportCounters(0, 0, 0, 0, 1, 0, 0, 0, 0));
                    continue; // a rejected conversion's rebills count nothing
            }
            foreach (var rebill in rebills)
                Add(click, byClick ? click.CreatedAt : rebill.CreatedAt, new ReportCounters(0, 0, 0, 0, 0, 1, rebill.RevenueMicros, 0, 0));
        }
        return (groups.Where(g => g.Value != default).ToDictionary(), totals);
    }

    private string ValueOf(Click click, ReportDimension d, TimeZoneInfo zone, DateTime at)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
        return d switch
        {
            ReportDimension.Day => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReportDimension.Month => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ReportDimension.Week => $"{ISOWeek.GetYear(local.Date):D4}-W{ISOWeek.GetWeekOfYear(local.Date):D2}",
            ReportDimension.Hour => HourOf(local, zone, at),
            ReportDimension.Campaign => Id(click.CampaignId),
            ReportDimension.Stream => Id(click.StreamId),
            ReportDimension.Offer => Id(click.OfferId),
            ReportDimension.OfferGroup => Id(GroupOf(click.OfferId)),
            ReportDimension.AffiliateNetwork => Id(click.AffiliateNetworkId),
            ReportDimension.Country => click.Country,
            ReportDimension.Source => Parameter(click, "source"),
            ReportDimension.Keyword => Parameter(click, "keyword"),
            ReportDimension.SubId1 => Parameter(click, "sub_id_1"),
            ReportDimension.SubId2 => Parameter(click, "sub_id_2"),
            ReportDimension.SubId3 => Parameter(click, "sub_id_3"),
            ReportDimension.SubId4 => Parameter(click, "sub_id_4"),
            ReportDimension.SubId5 => Parameter(click, "sub_id_5"),
        };
    }

    // The clock hour; the hour that happens twice on the autumn DST day is told apart by its offset.
    private static string HourOf(DateTime local, TimeZoneInfo zone, DateTime utc)
    {
        var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0);
        var label = hour.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (!zone.IsAmbiguousTime(hour) && !zone.IsAmbiguousTime(hour.AddMinutes(59))) return label;
        var offset = zone.GetUtcOffset(utc);
        return $"{label} {(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";
    }

    private static string Parameter(Click click, string name) => click.Parameters.TryGetValue(name, out var v) ? v : "";

    private static string Id(int? id) => id is { } i and > 0 ? i.ToString(CultureInfo.InvariantCulture) : "";
}
