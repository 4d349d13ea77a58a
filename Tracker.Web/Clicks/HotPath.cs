namespace Tracker.Web.Clicks;

/// <summary>Puts an endpoint on a hot path (<see cref="HotPathMetadata"/>) and tells whether a request is on one.</summary>
public static class HotPath
{
    public static TBuilder AsHotPath<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(HotPathMetadata.Instance);

    /// <summary>True once routing has matched a hot-path endpoint.</summary>
    public static bool IsHot(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<HotPathMetadata>() is not null;
}
