using Microsoft.AspNetCore.Mvc;

namespace Tracker.Web.Endpoints.Api;

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
