namespace Tracker.Core.Offers.LocalOffers;

public static class ArchiveEntryKinds
{
    private const int UnixTypeMask = 0xF000;
    private const int UnixRegular = 0x8000;
    private const int UnixDirectory = 0x4000;
    private const int UnixSymlink = 0xA000;
    private const int DosDirectory = 0x10;

    /// <summary>
    /// Reads the entry type from the zip "external attributes": archivers on Unix put the file mode
    /// (<c>st_mode</c>) in the high 16 bits, DOS-style archivers put attribute flags in the low byte.
    /// </summary>
    public static ArchiveEntryKind FromAttributes(int externalAttributes, string name)
    {
        var unixType = (externalAttributes >> 16) & UnixTypeMask;
        return unixType switch
        {
            UnixSymlink => ArchiveEntryKind.SymbolicLink,
            UnixDirectory => ArchiveEntryKind.Directory,
            UnixRegular => name.EndsWith('/') ? ArchiveEntryKind.Directory : ArchiveEntryKind.File,
            0 => name.EndsWith('/') || (externalAttributes & DosDirectory) != 0 ? ArchiveEntryKind.Directory : ArchiveEntryKind.File,
            _ => ArchiveEntryKind.Special,
        };
    }
}
