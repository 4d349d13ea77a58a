namespace Tracker.Core.Bots;

/// <summary>One entry of a datacenter range list.</summary>
public sealed record BotIpRangeEntry(IpRange Range, string Source);
