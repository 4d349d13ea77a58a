using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Web.Clicks;

namespace Tracker.Web.Postbacks;

/// <summary>
/// The public postback URL <c>GET|POST /{postbackKey}/postback</c> that affiliate networks call.
/// Server to server: no cookies, no antiforgery; the key in the path is the credential.
/// </summary>
public static class PostbackEndpoints
{
    public static RouteGroupBuilder MapPostbacks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/{postbackKey}/postback")
            .AllowAnonymous()
            .DisableAntiforgery()
            .AddEndpointFilter<PostbackKeyFilter>()
            .WithTags("Postback")
            .AsHotPath();
        group.MapMethods("", [HttpMethods.Get, HttpMethods.Post], ReceiveAsync)
            .WithName("Postback")
            .WithSummary("Receives a conversion from an affiliate network (Keitaro-compatible parameters).");
        return group;
    }

    // Every answer is plain text: networks compare the body with what they expect ("OK" via return=OK),
    // and the status code says whether to retry (503 only).
    private static async Task<ContentHttpResult> ReceiveAsync(HttpContext http, PostbackRecorder recorder, CancellationToken ct)
    {
        var read = await PostbackRequestReader.ReadAsync(http, ct);
        if (read.Request is null)
        {
            // Not the request's token: a network that hung up mid-body is exactly what the log must show.
            await recorder.LogRefusedAsync(http.Request.Method, http.Connection.RemoteIpAddress?.ToString() ?? "", read.Raw, read.Error, CancellationToken.None);
            return Text(http, read.StatusCode, $"malformed: {read.Error}");
        }
        var result = await recorder.RecordAsync(read.Request, ct);
        if (result.StatusCode == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = "5";
        return Text(http, result.StatusCode, result.Body);
    }

    internal static ContentHttpResult Text(HttpContext http, int statusCode, string body)
    {
        http.Response.Headers.CacheControl = "no-store";
        // The body can echo the network's own "return" text; never let a browser sniff it as HTML.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Text(body, "text/plain; charset=utf-8", statusCode: statusCode);
    }
}
