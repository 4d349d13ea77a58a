namespace Tracker.Core.Offers.LocalOffers;

/// <summary>A file to write: which archive entry, to which relative path inside the offer's folder.</summary>
public sealed record PlannedFile(int Index, string Path, long CompressedLength);
