using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Clicks;
using Tracker.Web.Clicks;
using Tracker.Web.Data;
using Tracker.Web.Endpoints.Api.Dtos;

namespace Tracker.Web.Endpoints.Api;

/// <summary><c>GET /api/v1/clicks/{subid}</c>: one click with its parameters and decision trace.</summary>
public static class ClickApi
{
    public static RouteGroupBuilder MapClickApi(this RouteGroupBuilder api)
    {
        var clicks = api.MapGroup("/clicks").WithTags("Clicks");
        clicks.MapGet("/{subid}", GetBySubIdAsync).WithName("GetClickBySubId")
            .WithSummary("Get a click by its subid")
            .WithDescription("The recorded click with every query parameter it came with and its decision trace: " +
                             "which streams were tried, which filter said no, which offer was chosen and why, and where the visitor was sent. " +
                             "The subid is matched in lower case, as networks may echo it in upper case.");
        return clicks;
    }

    private static async Task<Results<Ok<ClickDto>, ValidationProblem, NotFoundProblem>> GetBySubIdAsync(
        string subid, IDbContextFactory<TrackerDbContext> contextFactory, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var normalized = subid.Trim().ToLowerInvariant();
        if (!SubId.IsWellFormed(normalized))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["subid"] = ["A subid is 1–26 letters and digits, as it appears in the offer URL (sub1=…)."],
            });
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var click = await ClickSubIds.FindAsync(db, normalized, ct);
        if (click is null)
            return new NotFoundProblem(new ProblemDetails
            {
                Title = "Click not found",
                Detail = $"No click has the subid '{normalized}'. Check that the network sends back the subid from the offer URL unchanged.",
            });
        return TypedResults.Ok(click.Adapt<ClickDto>(mapping));
    }
}
