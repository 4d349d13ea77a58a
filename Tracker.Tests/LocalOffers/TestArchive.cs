using System.IO.Compression;
using System.Text;

namespace Tracker.Tests.LocalOffers;

/// <summary>Builds zip files in memory, including the hostile kinds an attacker would upload.</summary>
public sealed class TestArchive
{
    private const int UnixRegular = 0x8000;
    private readonly List<(string Name, byte[] Content, int? UnixMode, CompressionLevel Level)> _entries = [];

    public TestArchive File(string name, string content, CompressionLevel level = CompressionLevel.Optimal) =>
        File(name, Encoding.UTF8.GetBytes(content), level);

    public TestArchive File(string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        _entries.Add((name, content, null, level));
        return this;
    }

    /// <summary>An entry whose external attributes carry a Unix mode, as Info-ZIP writes it.</summary>
    public TestArchive Unix(string name, string content, int mode)
    {
        _entries.Add((name, Encoding.UTF8.GetBytes(content), mode, CompressionLevel.Optimal));
        return this;
    }

    public TestArchive Symlink(string name, string target) => Unix(name, target, 0xA000 | 0x1FF);

    /// <summary>A small valid landing page: HTML, CSS, an image, in an optional top folder.</summary>
    public static TestArchive Landing(string title = "Hello", string folder = "") => new TestArchive()
        .File(folder + "index.html", $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title><link rel=\"stylesheet\" href=\"css/style.css\"></head><body><h1>{title}</h1><a id=\"go\" href=\"https://network.example/c?s={{subid}}&o={{offer_id}}\">Go</a><img src=\"img/pixel.png\"></body></html>")
        .File(folder + "css/style.css", $"h1 {{ color: rgb(200, 0, 0); }} /* {title} */")
        .File(folder + "img/pixel.png", Pixel);

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, mode, level) in _entries)
            {
                var entry = zip.CreateEntry(name, level);
                if (mode is { } m) entry.ExternalAttributes = m << 16;
                else if (!name.EndsWith('/')) entry.ExternalAttributes = (UnixRegular | 0x1A4) << 16;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Pixel = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>
    /// Rewrites every declared uncompressed size (local headers and central directory) to
    /// <paramref name="declared"/>: an archive that lies about how much it will write.
    /// </summary>
    public static byte[] LieAboutSizes(byte[] zip, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50) BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), declared);
            else if (signature == 0x02014b50) BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), declared);
        }
        return bytes;
    }
}
