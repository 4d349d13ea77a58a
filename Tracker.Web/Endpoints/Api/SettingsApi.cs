using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Core.Amounts;
using Tracker.Core.Settings;
using Tracker.Core.Validation;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/settings</c>: base currency, time zone and exchange rates. The postback key and the API
/// key are rotated from the admin UI only: a PUT ignores <c>postbackKey</c>, so a script that echoes
/// back what it read can never break every network's postback URL by accident.
/// </summary>
public static class SettingsApi
{
    public static RouteGroupBuilder MapSettings(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings");

        settings.MapGet("/", Get).WithName("GetSettings").WithSummary("Get the tracker's settings");
        settings.MapPut("/", UpdateAsync).WithName("UpdateSettings").WithSummary("Replace the tracker's settings")
            .WithDescription("Send baseCurrency, timeZone, exchangeRates and the version you read. postbackKey and postbackUrl are read-only and ignored here; rotate the key in the admin UI.");
        return settings;
    }

    private static Ok<SettingsDto> Get([AsParameters] ApiContext api) => TypedResults.Ok(ToDto(api));

    private static async Task<Results<Ok<SettingsDto>, ValidationProblem, ConflictProblem>> UpdateAsync(
        JsonBody<SettingsDto> body, [AsParameters] ApiContext api, CancellationToken ct)
    {
        if (body.Value is not { } dto) return TypedResults.ValidationProblem(body.Errors.ToDictionary());
        var errors = new ValidationErrors();
        ApiVersion.Require(dto.Version, "settings", errors);
        CheckRates(dto.ExchangeRates, errors);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary());

        var edited = dto.Adapt<TrackerSettings>(api.Mapping);
        var ruleErrors = SettingsValidator.Validate(edited);
        if (!ruleErrors.IsValid) return TypedResults.ValidationProblem(ruleErrors.ToDictionary());

        if (!await api.Settings.SaveAsync(edited, ct))
        {
            var current = ToDto(api);
            return ApiProblems.StaleVersion("settings", dto.Version, current.Version, current);
        }
        return TypedResults.Ok(ToDto(api));
    }

    private static SettingsDto ToDto(ApiContext api) =>
        api.Settings.Current.Adapt<SettingsDto>(api.Mapping) with { PostbackUrl = api.PostbackUrl };

    /// <summary>Two spellings of one code (<c>eur</c> and <c>EUR</c>) would silently drop a rate; say so instead.</summary>
    private static void CheckRates(Dictionary<string, decimal>? rates, ValidationErrors errors)
    {
        foreach (var duplicate in (rates ?? []).Keys.GroupBy(CurrencyCode.Normalize).Where(g => g.Count() > 1))
            errors.Add("exchangeRates", $"{string.Join(" and ", duplicate)} are the same currency: keep one rate for {duplicate.Key}.");
    }
}
