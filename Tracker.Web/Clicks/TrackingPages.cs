using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tracker.Web.Clicks;

/// <summary>The few fixed pages a visitor of a tracking link can see instead of an offer.</summary>
public static class TrackingPages
{
    public const string HtmlType = "text/html; charset=utf-8";

    public static ContentHttpResult NotFound() => Page(404, "Not found", "There is nothing at this address.");

    public static ContentHttpResult OfferContentNotUploaded() =>
        Page(404, "Offer content not uploaded", "This offer's page has not been uploaded yet.");

    public static ContentHttpResult Unavailable(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return Page(503, "Temporarily unavailable", "Please try again in a moment.");
    }

    public static ContentHttpResult Html(string html) => TypedResults.Content(html, HtmlType, Encoding.UTF8);

    public static ContentHttpResult Text(string text) => TypedResults.Text(text, "text/plain; charset=utf-8", Encoding.UTF8);

    private static ContentHttpResult Page(int status, string title, string message) => TypedResults.Content(
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex, nofollow\"><title>{title}</title></head>" +
        $"<body style=\"font-family:sans-serif;margin:3em\"><h1>{title}</h1><p>{message}</p></body></html>",
        HtmlType, Encoding.UTF8, status);
}
