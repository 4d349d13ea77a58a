using Tracker.Core.Security;
using Tracker.Web.Services;

namespace Tracker.Web.Security;

/// <summary>The admin API's <c>Api-Key</c> header check, compared in constant time.</summary>
public sealed class ApiKeyFilter(SettingsStore settings) : IEndpointFilter
{
    public const string HeaderName = "Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(presented) || !SecureToken.FixedTimeEquals(presented, settings.ApiKey))
            return TypedResults.Problem(
                title: "Missing or wrong API key",
                detail: $"Send the key from Settings → API key in the '{HeaderName}' header.",
                statusCode: StatusCodes.Status401Unauthorized);
        return await next(context);
    }
}
