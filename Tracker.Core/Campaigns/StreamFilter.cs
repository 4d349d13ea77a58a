namespace Tracker.Core.Campaigns;

/// <summary>
/// A condition on the visitor. <see cref="Type"/> is a string ("country" to start) so more filter
/// types can be added without a schema change.
/// </summary>
public sealed class StreamFilter
{
    public string Type { get; set; } = "country";

    public FilterMode Mode { get; set; } = FilterMode.Include;

    public List<string> Values { get; set; } = [];
}
