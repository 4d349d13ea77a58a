using Tracker.Core.Conversions;

namespace Tracker.Core.Reports;

/// <summary>
/// What one conversion adds to a report, from its current state — the one definition the rollups,
/// the rebuild and the traffic-source reports share (docs/reports.md says the same in words):
/// <list type="bullet">
/// <item>a lead counts one lead and its payout as revenue on hold;</item>
/// <item>a sale counts one sale and its payout as revenue;</item>
/// <item>a rejected conversion counts one rejected and no money at all (its rebills included);</item>
/// <item>each rebill not taken back counts one rebill and adds its payout to revenue.</item>
/// </list>
/// With attribution by click everything counts at the click's time; by conversion, the conversion
/// counts at its first postback and each rebill at the time it arrived. A status change never moves
/// a conversion in time: a lead confirmed next week stays on the day the lead came in.
/// </summary>
public static class ConversionContribution
{
    /// <param name="status">The conversion's status now.</param>
    /// <param name="revenueMicros">The conversion's revenue now, rebills included (base currency).</param>
    /// <param name="createdAtUtc">The conversion's first postback.</param>
    /// <param name="rebills">Every rebill ever added to it.</param>
    public static IReadOnlyList<ConversionPart> Parts(ConversionStatus status, long revenueMicros, DateTime createdAtUtc, IEnumerable<RebillFact> rebills)
    {
        var active = rebills.Where(r => !r.Rejected).ToList();
        var baseRevenue = revenueMicros - active.Sum(r => r.RevenueMicros);
        var parts = new List<ConversionPart>(1 + active.Count);
        switch (status)
        {
            case ConversionStatus.Lead:
                parts.Add(new(createdAtUtc, new ReportCounters { Leads = 1, RevenueHoldMicros = baseRevenue }));
                break;
            case ConversionStatus.Sale:
            case ConversionStatus.Rebill:
                parts.Add(new(createdAtUtc, new ReportCounters { Sales = 1, RevenueMicros = baseRevenue }));
                break;
            case ConversionStatus.Rejected:
                parts.Add(new(createdAtUtc, new ReportCounters { Rejected = 1 }));
                return parts;
        }
        foreach (var rebill in active)
            parts.Add(new(rebill.AtUtc, new ReportCounters { Rebills = 1, RevenueMicros = rebill.RevenueMicros }));
        return parts;
    }

    /// <summary>The rebills of a conversion from its transaction rows.</summary>
    public static IEnumerable<RebillFact> Rebills(IEnumerable<ConversionTransaction> transactions) =>
        transactions.Where(t => t.IsRebill).Select(t => new RebillFact(t.CreatedAt, t.RevenueMicros, t.Status == ConversionStatus.Rejected));
}
