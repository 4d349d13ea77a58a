using Mapster;
using Tracker.Core.Amounts;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Core.Settings;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Mapping;

/// <summary>
/// Entities ↔ admin API DTOs. Every destination member is mapped or ignored on purpose: a test compiles
/// these rules with <see cref="TypeAdapterConfig.RequireDestinationMemberSource"/> on.
/// </summary>
public static class ApiMappings
{
    public static void Register(TypeAdapterConfig config)
    {
        // Money is exact integer micro-units in the model and a decimal in JSON. Values the API
        // cannot represent exactly (more than 6 decimals, out of range) are rejected before mapping
        // (see OfferInput.Check), so ToMicros never rounds or overflows here.
        config.NewConfig<Offer, OfferDto>()
            .Map(d => d.PayoutValue, s => Money.FromMicros(s.PayoutMicros))
            // Needs the request's public base URL; the endpoint fills it in.
            .Ignore(d => d.LocalUrl);

        config.NewConfig<OfferDto, Offer>()
            .Map(d => d.PayoutMicros, s => Money.ToMicros(s.PayoutValue))
            // Read-only in the API: set by the archive upload and by the store.
            .Ignore(d => d.LocalKey)
            .Ignore(d => d.CreatedAt)
            .Ignore(d => d.UpdatedAt);

        config.NewConfig<ConversionCap, ConversionCapDto>();
        config.NewConfig<ConversionCapDto, ConversionCap>();

        config.NewConfig<AffiliateNetwork, AffiliateNetworkDto>()
            // Both depend on more than the entity (base URL, postback key, offers): the endpoint fills them in.
            .Ignore(d => d.PostbackUrl)
            .Ignore(d => d.OfferCount)
            .Map(d => d.PostbackAllowedIps, s => Tracker.Core.Security.IpAllowList.Split(s.PostbackAllowedIps).ToList());

        config.NewConfig<AffiliateNetworkDto, AffiliateNetwork>()
            .Map(d => d.PostbackAllowedIps, s => string.Join("\n", s.PostbackAllowedIps ?? new List<string>()))
            .Ignore(d => d.CreatedAt)
            .Ignore(d => d.UpdatedAt);

        config.NewConfig<OfferGroup, GroupDto>()
            .Ignore(d => d.OfferCount);

        config.NewConfig<TrackerSettings, SettingsDto>()
            .Ignore(d => d.PostbackUrl)
            .Map(d => d.ExchangeRates, s => new Dictionary<string, decimal>(s.ExchangeRates, StringComparer.Ordinal));

        // Only the editable settings travel back (duplicate spellings of a code are refused before mapping): keys are rotated in the admin UI, never by a PUT.
        config.NewConfig<SettingsDto, TrackerSettings>()
            .Ignore(d => d.Id)
            .Ignore(d => d.PostbackKey)
            .Ignore(d => d.ApiKey)
            .Map(d => d.BaseCurrency, s => CurrencyCode.Normalize(s.BaseCurrency))
            .Map(d => d.TimeZone, s => (s.TimeZone ?? "").Trim())
            .Map(d => d.ExchangeRates, s => NormalizeRates(s.ExchangeRates));
    }

    /// <summary>Upper-cased codes: people write <c>eur</c> as often as <c>EUR</c>.</summary>
    private static Dictionary<string, decimal> NormalizeRates(Dictionary<string, decimal>? rates)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (code, rate) in rates ?? []) result[CurrencyCode.Normalize(code)] = rate;
        return result;
    }
}
