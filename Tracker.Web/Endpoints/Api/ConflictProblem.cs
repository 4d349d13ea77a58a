using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Tracker.Web.Endpoints.Api;

/// <summary>409 with problem details: a stale version or an item still in use.</summary>
public sealed class ConflictProblem(ProblemDetails problem) : FixedStatusProblem(problem), IEndpointMetadataProvider
{
    public override int StatusCode => StatusCodes.Status409Conflict;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status409Conflict);
}
