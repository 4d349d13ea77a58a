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
