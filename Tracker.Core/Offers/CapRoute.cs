namespace Tracker.Core.Offers;

/// <summary>The offer a click goes to after the caps had their say, and the decision in words.</summary>
public sealed record CapRoute(Offer Offer, IReadOnlyList<string> Trace);
