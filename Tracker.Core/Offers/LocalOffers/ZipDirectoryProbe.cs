using System.Buffers.Binary;

namespace Tracker.Core.Offers.LocalOffers;

/// <summary>
/// Reads the entry count a zip file declares in its end-of-central-directory record, so an archive
/// claiming a million entries is refused before a zip reader allocates an object for each of them.
/// </summary>
public static class ZipDirectoryProbe
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const int EndRecordLength = 22;

    /// <summary>How many bytes at the end of a file can hold the record (it may be followed by a comment of up to 64 KB).</summary>
    public const int TailLength = EndRecordLength + ushort.MaxValue;

    /// <summary>
    /// The declared number of entries, <see cref="ushort.MaxValue"/> when the archive defers to Zip64
    /// (65,535 or more entries), or null when <paramref name="tail"/> (the file's last bytes) holds no record: not a zip.
    /// </summary>
    public static int? DeclaredEntryCount(ReadOnlySpan<byte> tail)
    {
        for (var i = tail.Length - EndRecordLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail[i..]) != EndOfCentralDirectorySignature) continue;
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(tail[(i + 20)..]);
            if (i + EndRecordLength + commentLength != tail.Length) continue;
            return BinaryPrimitives.ReadUInt16LittleEndian(tail[(i + 10)..]);
        }
        return null;
    }
}
