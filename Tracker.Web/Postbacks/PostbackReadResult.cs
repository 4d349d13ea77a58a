namespace Tracker.Web.Postbacks;

/// <summary>The reader's answer: a request, or a refusal with its status code and reason.</summary>
public sealed record PostbackReadResult(PostbackRequest? Request, int StatusCode, string Error, string Raw);
