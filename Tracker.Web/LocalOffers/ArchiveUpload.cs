using System.Collections.Concurrent;

namespace Tracker.Web.LocalOffers;

/// <summary>A fresh folder under <c>offers/.tmp/</c> for one upload: the zip as received and the extraction target.</summary>
public sealed class ArchiveUpload(string folder, Action<string> discard) : IDisposable
{
    public string Folder { get; } = folder;
    public string ZipPath => Path.Combine(Folder, "upload.zip");
    public string FilesFolder => Path.Combine(Folder, "files");
    public void Dispose() => discard(Folder);
}
