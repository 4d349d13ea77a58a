using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Clicks;
using Tracker.Web.Data;

namespace Tracker.Web.Endpoints.Api;

/// <summary><c>GET /api/v1/clicks/{subid}</c>: one click with its parameters and decision trace.</summary>
public static class ClickApi
{
    public static RouteGroupBuilder MapClickApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/clicks").WithTags("Clicks");
        group.MapGet("/{subid}", GetBySubId).WithName("GetClickBySubId");
        return group;
    }

    private static async Task<Results<Ok<ClickDto>, NotFound, ValidationProblem>> GetBySubId(
        string subid, IDbContextFactory<TrackerDbContext> contextFactory, TypeAdapterConfig mapping, CancellationToken cancellationToken)
    {
        // Networks sometimes echo sub parameters in upper case; ours are lowercase.
        var normalized = subid.Trim().ToLowerInvariant();
        if (!SubId.IsWellFormed(normalized))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["subid"] = ["A subid is 1–26 lowercase letters and digits."],
            });
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var click = await db.Clicks.AsNoTracking().SingleOrDefaultAsync(c => c.SubId == normalized, cancellationToken);
        return click is null ? TypedResults.NotFound() : TypedResults.Ok(click.Adapt<ClickDto>(mapping));
    }
}
