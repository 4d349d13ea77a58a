using Tracker.Core.Validation;

namespace Tracker.Web.Endpoints.Api;

/// <summary>The optimistic-concurrency token every PUT must carry.</summary>
public static class ApiVersion
{
    /// <summary>
    /// A PUT without a version would silently overwrite whatever someone else saved in between,
    /// which is exactly what the version exists to prevent, so it is required rather than defaulted.
    /// </summary>
    public static void Require(int version, string what, ValidationErrors errors)
    {
        if (version < 1)
            errors.Add("version", $"Send the {what}'s version from your last GET (a whole number ≥ 1); it guards against overwriting someone else's change.");
    }
}
