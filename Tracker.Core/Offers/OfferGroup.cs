using Tracker.Core.Validation;

namespace Tracker.Core.Offers;

/// <summary>A folder for offers; deletable only while no offer uses it.</summary>
public sealed class OfferGroup : IVersioned
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int Version { get; set; } = 1;
}
