using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Tracker.Web.Endpoints.Api;

/// <summary>The admin API's non-validation problems (RFC 7807), worded to say what to do next.</summary>
public static class ApiProblems
{
    public static NotFoundProblem NotFound(string what, int id) => new(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = $"{Capitalize(what)} not found",
        Detail = $"There is no {what} with id {id}.",
    });

    /// <summary>A PUT over an old version: nothing was saved; the current version and state travel along.</summary>
    public static ConflictProblem StaleVersion(string what, int sentVersion, int currentVersion, object current) => new(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Version conflict",
        Detail = $"The {what} changed after version {sentVersion} (it is now version {currentVersion}). " +
                 "Nothing was saved: apply your change to the current version (in 'current') and PUT it with that version.",
        Extensions = { ["currentVersion"] = currentVersion, ["current"] = current },
    });

    /// <summary>A DELETE refused because something still uses the item; the store says what and what to do.</summary>
    public static ConflictProblem InUse(string what, string reason) => new(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = $"The {what} is in use",
        Detail = reason,
    });

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>
/// A problem-details result with a fixed status that says so in the endpoint's metadata (unlike
/// <c>TypedResults.Problem</c>), and writes <c>application/problem+json</c> through the problem-details
/// service (unlike <c>TypedResults.NotFound(problem)</c>, which writes plain JSON without a trace id).
/// </summary>
public abstract class FixedStatusProblem(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public ProblemDetails ProblemDetails { get; } = problem;

    public abstract int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    object? IValueHttpResult.Value => ProblemDetails;

    ProblemDetails? IValueHttpResult<ProblemDetails>.Value => ProblemDetails;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ProblemDetails.Status = StatusCode;
        return TypedResults.Problem(ProblemDetails).ExecuteAsync(httpContext);
    }

    protected static void Describe(EndpointBuilder builder, int statusCode) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(statusCode, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>404 with problem details.</summary>
public sealed class NotFoundProblem(ProblemDetails problem) : FixedStatusProblem(problem), IEndpointMetadataProvider
{
    public override int StatusCode => StatusCodes.Status404NotFound;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>409 with problem details: a stale version or an item still in use.</summary>
public sealed class ConflictProblem(ProblemDetails problem) : FixedStatusProblem(problem), IEndpointMetadataProvider
{
    public override int StatusCode => StatusCodes.Status409Conflict;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status409Conflict);
}
