namespace Tracker.Core.Offers.LocalOffers;

public enum ArchiveEntryKind
{
    File,
    Directory,
    SymbolicLink,
    /// <summary>Device, pipe, socket: nothing a web page needs.</summary>
    Special,
}
