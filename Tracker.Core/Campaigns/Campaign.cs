using Tracker.Core.Offers;
using Tracker.Core.Validation;

namespace Tracker.Core.Campaigns;

/// <summary>A tracking link <c>/{alias}</c> and the ordered streams that route its visitors.</summary>
public sealed class Campaign : IVersioned
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary><c>[a-z0-9][a-z0-9_-]{1,63}</c>, unique, not reserved.</summary>
    public string Alias { get; set; } = "";

    public ItemState State { get; set; } = ItemState.Active;

    /// <summary>A click is unique when the same IP + user agent has not clicked within this many hours.</summary>
    public int UniquenessHours { get; set; } = 24;

    public List<CampaignStream> Streams { get; set; } = [];

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
