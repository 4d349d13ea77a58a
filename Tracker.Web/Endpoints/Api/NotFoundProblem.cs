using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Tracker.Web.Endpoints.Api;

/// <summary>404 with problem details.</summary>
public sealed class NotFoundProblem(ProblemDetails problem) : FixedStatusProblem(problem), IEndpointMetadataProvider
{
    public override int StatusCode => StatusCodes.Status404NotFound;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound);
}
