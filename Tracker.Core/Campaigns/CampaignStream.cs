using Tracker.Core.Offers;

namespace Tracker.Core.Campaigns;

public enum StreamType
{
    /// <summary>Tried first, in order; the first whose filters match wins.</summary>
    Forced = 0,
    /// <summary>Weighted among those whose filters match.</summary>
    Regular = 1,
    /// <summary>Used when no forced or regular stream matched.</summary>
    Default = 2,
}

public enum StreamAction
{
    /// <summary>Rotate among the stream's offers by share.</summary>
    Offers = 0,
    /// <summary>Answer with the text in the action payload.</summary>
    ShowText = 1,
    /// <summary>Answer 404.</summary>
    Status404 = 2,
    /// <summary>Answer an empty 200.</summary>
    DoNothing = 3,
}

public enum FilterMode
{
    Include = 0,
    Exclude = 1,
}

/// <summary>One routing rule of a campaign.</summary>
public sealed class CampaignStream
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>Order within the campaign (0-based).</summary>
    public int Position { get; set; }

    public string Name { get; set; } = "";

    public StreamType Type { get; set; } = StreamType.Regular;

    public int Weight { get; set; } = 100;

    public ItemState State { get; set; } = ItemState.Active;

    public List<StreamFilter> Filters { get; set; } = [];

    public StreamAction Action { get; set; } = StreamAction.Offers;

    public string ActionPayload { get; set; } = "";

    public List<StreamOffer> Offers { get; set; } = [];
}

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

/// <summary>An offer in a stream's rotation with its relative share.</summary>
public sealed class StreamOffer
{
    public int OfferId { get; set; }

    public int Share { get; set; } = 100;
}
