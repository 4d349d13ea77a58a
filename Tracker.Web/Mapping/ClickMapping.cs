using Mapster;
using Tracker.Core.Clicks;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Mapping;

internal static class ClickMapping
{
    public static void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Click, ClickDto>()
            .Map(d => d.Cost, s => Core.Money.Money.FromMicros(s.CostMicros))
            .Map(d => d.Revenue, s => Core.Money.Money.FromMicros(s.RevenueMicros));
    }
}
