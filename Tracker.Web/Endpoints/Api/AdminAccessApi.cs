using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Core.Security;
using Tracker.Core.Validation;
using Tracker.Web.Endpoints.Api.Dtos;
using Tracker.Web.Security;

namespace Tracker.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/settings/admin-access</c>: the admin IP allow-list. A list that would shut out the caller's
/// own address is refused (400 naming <c>allowList</c>) unless the body says <c>"force": true</c>.
/// </summary>
public static class AdminAccessApi
{
    public static RouteGroupBuilder MapAdminAccess(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/settings/admin-access").WithTags("Settings");
        group.MapGet("/", GetAsync).WithName("GetAdminAccess").WithSummary("Get the admin IP allow-list");
        group.MapPut("/", UpdateAsync).WithName("UpdateAdminAccess").WithSummary("Replace the admin IP allow-list")
            .WithDescription("Send allowList (IP addresses and CIDR ranges; empty allows every address) and the version you read. " +
                             "A list that does not include the address of this request is refused with 400 unless \"force\": true.");
        return group;
    }

    private static async Task<Ok<AdminAccessDto>> GetAsync(HttpContext http, AdminAccessStore store, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await store.GetAsync(ct), http));

    private static async Task<Results<Ok<AdminAccessDto>, ValidationProblem, ConflictProblem>> UpdateAsync(
        JsonBody<AdminAccessDto> body, HttpContext http, AdminAccessStore store, CancellationToken ct)
    {
        if (body.Value is not { } dto) return TypedResults.ValidationProblem(body.Errors.ToDictionary());
        var errors = new ValidationErrors();
        ApiVersion.Require(dto.Version, "admin access settings", errors);
        if (dto.AllowList is null) errors.Add("allowList", "Send allowList as an array of IP addresses and CIDR ranges; [] allows every address.");
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary());

        var (result, saveErrors, current) = await store.SaveAsync(dto.AllowList!, dto.Version, http.Connection.RemoteIpAddress, dto.Force, ct);
        return result switch
        {
            AdminAccessSaveResult.Saved => TypedResults.Ok(ToDto(current, http)),
            AdminAccessSaveResult.Invalid or AdminAccessSaveResult.ExcludesCaller => TypedResults.ValidationProblem(saveErrors.ToDictionary()),
            AdminAccessSaveResult.Stale => ApiProblems.StaleVersion("admin access settings", dto.Version, current.Version, ToDto(current, http)),
        };
    }

    private static AdminAccessDto ToDto(AdminAccessSnapshot snapshot, HttpContext http) => new()
    {
        AllowList = [.. snapshot.AllowList.Entries],
        YourAddress = IpDisplay.Of(http.Connection.RemoteIpAddress),
        Version = snapshot.Version,
    };
}
