using Tracker.Core.Security;
using Tracker.Web.Services;

namespace Tracker.Web.Postbacks;

/// <summary>
/// The postback key check, in constant time. A wrong key gets a bare 403 that says nothing about the
/// subid or anything else in the request.
/// </summary>
public sealed class PostbackKeyFilter(SettingsStore settings, PostbackRecorder recorder) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.GetRouteValue("postbackKey") as string;
        if (string.IsNullOrEmpty(presented) || !SecureToken.FixedTimeEquals(presented, settings.Current.PostbackKey))
        {
            var query = http.Request.QueryString.Value ?? "";
            await recorder.LogForbiddenAsync(http.Request.Method, http.Connection.RemoteIpAddress?.ToString() ?? "", query, http.RequestAborted);
            return PostbackEndpoints.Text(http, StatusCodes.Status403Forbidden, "forbidden");
        }
        return await next(context);
    }
}
