using System.Runtime.InteropServices;
using Tracker.Core.Clicks;
using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

/// <summary>The counters of a rollup row, in the order of <see cref="RollupSql.CounterColumns"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RollupCounters
{
    public long Clicks, UniqueClicks, CostMicros, ClickRevenueMicros;
    public long Leads, Sales, Rejected, Rebills, RevenueMicros, RevenueHoldMicros;
    public long LeadsAtConversion, SalesAtConversion, RejectedAtConversion, RebillsAtConversion, RevenueMicrosAtConversion, RevenueHoldMicrosAtConversion;
    public long BotClicks;

    public const int Count = 17;

    public readonly long this[int i] => i switch
    {
        0 => Clicks, 1 => UniqueClicks, 2 => CostMicros, 3 => ClickRevenueMicros,
        4 => Leads, 5 => Sales, 6 => Rejected, 7 => Rebills, 8 => RevenueMicros, 9 => RevenueHoldMicros,
        10 => LeadsAtConversion, 11 => SalesAtConversion, 12 => RejectedAtConversion, 13 => RebillsAtConversion,
        14 => RevenueMicrosAtConversion, 15 => RevenueHoldMicrosAtConversion, 16 => BotClicks,
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    public readonly bool IsZero
    {
        get
        {
            for (var i = 0; i < Count; i++) if (this[i] != 0) return false;
            return true;
        }
    }

    public void Add(in RollupCounters o)
    {
        Clicks += o.Clicks; UniqueClicks += o.UniqueClicks; CostMicros += o.CostMicros; ClickRevenueMicros += o.ClickRevenueMicros;
        Leads += o.Leads; Sales += o.Sales; Rejected += o.Rejected; Rebills += o.Rebills; RevenueMicros += o.RevenueMicros; RevenueHoldMicros += o.RevenueHoldMicros;
        LeadsAtConversion += o.LeadsAtConversion; SalesAtConversion += o.SalesAtConversion; RejectedAtConversion += o.RejectedAtConversion;
        RebillsAtConversion += o.RebillsAtConversion; RevenueMicrosAtConversion += o.RevenueMicrosAtConversion; RevenueHoldMicrosAtConversion += o.RevenueHoldMicrosAtConversion;
        BotClicks += o.BotClicks;
    }

    /// <summary>One click.</summary>
    public static RollupCounters ForClick(Click click) => new()
    {
        Clicks = 1,
        UniqueClicks = click.IsUnique ? 1 : 0,
        CostMicros = click.CostBaseMicros,
        ClickRevenueMicros = click.RevenueMicros,
        BotClicks = click.IsBot ? 1 : 0,
    };

    /// <summary>A conversion's part counted at its click's time (sign -1 takes it back).</summary>
    public static RollupCounters ByClick(ReportCounters c, int sign) => new()
    {
        Leads = sign * c.Leads, Sales = sign * c.Sales, Rejected = sign * c.Rejected, Rebills = sign * c.Rebills,
        RevenueMicros = sign * c.RevenueMicros, RevenueHoldMicros = sign * c.RevenueHoldMicros,
    };

    /// <summary>A conversion's part counted at its own time (sign -1 takes it back).</summary>
    public static RollupCounters ByConversion(ReportCounters c, int sign) => new()
    {
        LeadsAtConversion = sign * c.Leads, SalesAtConversion = sign * c.Sales, RejectedAtConversion = sign * c.Rejected,
        RebillsAtConversion = sign * c.Rebills, RevenueMicrosAtConversion = sign * c.RevenueMicros,
        RevenueHoldMicrosAtConversion = sign * c.RevenueHoldMicros,
    };
}
