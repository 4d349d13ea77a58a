namespace Tracker.Core.Offers;

/// <summary>What the validator needs to know about the rest of the catalogue.</summary>
public sealed record OfferReferences(
    Func<int, bool> GroupExists,
    Func<int, bool> NetworkExists,
    Func<int, bool> OfferExists)
{
    public static readonly OfferReferences All = new(_ => true, _ => true, _ => true);
}
