namespace Tracker.Core.Offers;

/// <summary>The destination of a click, or why there is none.</summary>
public readonly record struct OfferUrl(string Url, string? Problem)
{
    public bool IsValid => Problem is null;

    public static OfferUrl Invalid(string url, string problem) => new(url, problem);
}
