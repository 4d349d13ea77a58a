using Mapster;
using Tracker.Core.Amounts;
using Tracker.Core.Clicks;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Mapping;

internal static class ClickMapping
{
    public static void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Click, ClickDto>()
            .Map(d => d.Cost, s => Money.FromMicros(s.CostMicros))
            .Map(d => d.Revenue, s => Money.FromMicros(s.RevenueMicros))
            .Map(d => d.IsBot, s => s.BotReason != BotReason.None)
            .Map(d => d.BotReason, s => BotReasons.Name(s.BotReason))
            .Map(d => d.CostCounted, s => Money.FromMicros(s.CostBaseMicros));
    }
}
