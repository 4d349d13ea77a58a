namespace Tracker.Core.Offers.LocalOffers;

/// <summary>
/// The CRC-32 zip files store per entry. Extraction checks it because a zip reader stops at the size an
/// entry declares: an archive lying about sizes would otherwise yield silently truncated files.
/// </summary>
public static class ZipCrc32
{
    private static readonly uint[] Table = CreateTable();

    public const uint Initial = 0xFFFFFFFFu;

    public static uint Update(uint state, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
            state = Table[(state ^ b) & 0xFF] ^ (state >> 8);
        return state;
    }

    public static uint Finish(uint state) => ~state;

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
