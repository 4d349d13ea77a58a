namespace Tracker.Core.Offers.LocalOffers;

/// <summary>One entry as the archive's central directory describes it; sizes are claims, not facts.</summary>
public sealed record ArchiveEntryInfo(int Index, string Name, int ExternalAttributes, long CompressedLength);
