namespace Tracker.Web.Catalog;

/// <summary>A campaign's tracking link, the URL users put into their ads.</summary>
public static class TrackingLinks
{
    /// <param name="baseUrl">The public base URL (<see cref="Services.PublicUrls"/>), with or without a trailing slash.</param>
    public static string ForAlias(string baseUrl, string alias) => $"{baseUrl.TrimEnd('/')}/{alias}";
}
